/**
 * Contract of "known by your work": a member's feeds (RSS, Atom, JSON Feed) and their latest posts on the profile,
 * following a member's work, and the RSS feed of a city's public events.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, idSchema } from "./common";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const memberParams = z.object({ id: idSchema });

export const feedSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    title: z.string().nullable(),
    fetchedAt: z.string().nullable(),
    /** Why the last fetch failed, for the owner; null when it worked. */
    lastError: z.string().nullable(),
  })
  .openapi("Feed");
export type Feed = z.infer<typeof feedSchema>;

export const addFeedSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(1000)
      .regex(/^https?:\/\/\S+$/i, "must be a web address starting with http:// or https://"),
  })
  .strict()
  .openapi("AddFeed");

export const postSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    url: z.string().nullable(),
    /** Plain text, never HTML. */
    summary: z.string(),
    publishedAt: z.string().nullable(),
    feedTitle: z.string().nullable(),
  })
  .openapi("Post");
export type Post = z.infer<typeof postSchema>;

export const followStateSchema = z
  .object({ following: z.boolean(), followers: z.number().int() })
  .openapi("FollowState");
export type FollowState = z.infer<typeof followStateSchema>;

export const listMyFeedsRoute = createRoute({
  method: "get",
  path: "/api/me/feeds",
  tags: ["feeds"],
  responses: {
    200: json(z.object({ feeds: z.array(feedSchema) }), "The viewer's feeds"),
    401: errorResponses[401],
  },
});

export const addFeedRoute = createRoute({
  method: "post",
  path: "/api/me/feeds",
  tags: ["feeds"],
  request: { body: { content: { "application/json": { schema: addFeedSchema } }, required: true } },
  responses: {
    201: json(feedSchema, "The feed is added; its first fetch is queued"),
    400: errorResponses[400],
    401: errorResponses[401],
    409: { ...errorResponses[400], description: "Already on the profile" },
  },
});

export const removeFeedRoute = createRoute({
  method: "delete",
  path: "/api/me/feeds/{id}",
  tags: ["feeds"],
  request: { params: z.object({ id: idSchema }) },
  responses: {
    204: { description: "Removed with its posts" },
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const listMemberPostsRoute = createRoute({
  method: "get",
  path: "/api/members/{id}/posts",
  tags: ["feeds"],
  request: { params: memberParams },
  responses: {
    200: json(z.object({ posts: z.array(postSchema) }), "The member's latest posts, newest first"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const getFollowRoute = createRoute({
  method: "get",
  path: "/api/members/{id}/follow",
  tags: ["feeds"],
  request: { params: memberParams },
  responses: {
    200: json(followStateSchema, "Whether the viewer follows the member's work"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const followRoute = createRoute({
  method: "put",
  path: "/api/members/{id}/follow",
  tags: ["feeds"],
  request: { params: memberParams },
  responses: {
    200: json(followStateSchema, "The viewer follows the member's work"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const unfollowRoute = createRoute({
  method: "delete",
  path: "/api/members/{id}/follow",
  tags: ["feeds"],
  request: { params: memberParams },
  responses: {
    200: json(followStateSchema, "The viewer no longer follows the member's work"),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const cityEventsRssRoute = createRoute({
  method: "get",
  path: "/api/cities/{slug}/events.rss",
  tags: ["events"],
  request: { params: z.object({ slug: z.string().min(2).max(64) }) },
  responses: {
    200: {
      description: "The city's upcoming public events as an RSS 2.0 feed",
      content: { "application/rss+xml": { schema: z.string() } },
    },
    404: errorResponses[404],
  },
});
