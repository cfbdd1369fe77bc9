/** Feeds on profiles, latest posts, following a member's work, and the RSS feed of a city's public events. */
import {
  addFeedRoute,
  cityEventsRssRoute,
  followRoute,
  getFollowRoute,
  listMemberPostsRoute,
  listMyFeedsRoute,
  removeFeedRoute,
  unfollowRoute,
  type Feed,
} from "../../api/feeds";
import { addFeed } from "../../app/feeds/add-feed";
import { listMemberPosts } from "../../app/feeds/list-member-posts";
import { listMyFeeds } from "../../app/feeds/list-my-feeds";
import { removeFeed } from "../../app/feeds/remove-feed";
import { renderCityEventsRss } from "../../app/feeds/render-city-events-rss";
import { followMember } from "../../app/follows/follow-member";
import { getFollowState } from "../../app/follows/get-follow-state";
import { unfollowMember } from "../../app/follows/unfollow-member";
import type { FeedRow } from "../../db/repositories/feeds.repository";
import { requireViewer, type RouteRegistrar } from "../http";

const presentFeed = (feed: FeedRow): Feed => ({
  id: feed.id,
  url: feed.url,
  title: feed.title,
  fetchedAt: feed.fetchedAt?.toISOString() ?? null,
  lastError: feed.lastError,
});

export const registerFeedRoutes: RouteRegistrar = (router, context) => {
  router.openapi(listMyFeedsRoute, async (c) => {
    const viewer = requireViewer(c);
    const feeds = await listMyFeeds(context, { memberId: viewer.memberId });
    return c.json({ feeds: feeds.map(presentFeed) }, 200);
  });

  router.openapi(addFeedRoute, async (c) => {
    const viewer = requireViewer(c);
    const feed = await addFeed(context, { memberId: viewer.memberId, url: c.req.valid("json").url });
    return c.json(presentFeed(feed), 201);
  });

  router.openapi(removeFeedRoute, async (c) => {
    const viewer = requireViewer(c);
    await removeFeed(context, { memberId: viewer.memberId, feedId: c.req.valid("param").id });
    return c.body(null, 204);
  });

  router.openapi(listMemberPostsRoute, async (c) => {
    const posts = await listMemberPosts(context, {
      memberId: c.req.valid("param").id,
      viewerId: c.get("viewer")?.memberId ?? null,
    });
    return c.json(
      {
        posts: posts.map((post) => ({ ...post, publishedAt: post.publishedAt?.toISOString() ?? null })),
      },
      200,
    );
  });

  router.openapi(getFollowRoute, async (c) => {
    const state = await getFollowState(context, {
      memberId: c.req.valid("param").id,
      viewerId: c.get("viewer")?.memberId ?? null,
    });
    return c.json(state, 200);
  });

  router.openapi(followRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(await followMember(context, { followerId: viewer.memberId, memberId: c.req.valid("param").id }), 200);
  });

  router.openapi(unfollowRoute, async (c) => {
    const viewer = requireViewer(c);
    const state = await unfollowMember(context, { followerId: viewer.memberId, memberId: c.req.valid("param").id });
    return c.json(state, 200);
  });

  router.openapi(cityEventsRssRoute, async (c) => {
    const text = await renderCityEventsRss(context, c.req.valid("param").slug);
    return c.body(text, 200, { "content-type": "application/rss+xml; charset=utf-8" });
  });
};
