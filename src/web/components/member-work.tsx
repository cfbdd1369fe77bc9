/**
 * The "known by your work" part of a profile: the latest posts of the member's feeds (as h-entry items inside the
 * profile's h-card), a follow button, and, on one's own profile, links to manage feeds and import one's network.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FollowState, Post } from "../../api/feeds";
import { api } from "../api-client";
import { useViewer } from "../lib/session";
import { Empty, ErrorMessage } from "./query-state";

export function MemberWork({ memberId, name }: { memberId: number; name: string }) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const client = useQueryClient();
  const posts = useQuery({
    queryKey: ["member-posts", memberId],
    queryFn: () => api<{ posts: Post[] }>(`/api/members/${memberId}/posts`),
  });
  const follow = useQuery({
    queryKey: ["member-follow", memberId],
    queryFn: () => api<FollowState>(`/api/members/${memberId}/follow`),
  });
  const toggle = useMutation({
    mutationFn: (following: boolean) =>
      api<FollowState>(`/api/members/${memberId}/follow`, { method: following ? "DELETE" : "PUT" }),
    onSuccess: (state) => client.setQueryData(["member-follow", memberId], state),
  });
  const isSelf = viewer.data?.memberId === memberId;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });

  return (
    <section aria-labelledby="work-title">
      {/* The profile's own address, for microformats readers (u-url and u-uid of the h-card). */}
      <a className="u-url u-uid" href={`/members/${memberId}`} hidden>
        {name}
      </a>
      <h2 id="work-title">{t("work.title")}</h2>
      <div className="actions">
        {follow.data ? <span className="muted">{t("work.followers", { count: follow.data.followers })}</span> : null}
        {viewer.data && !isSelf && follow.data ? (
          <button
            type="button"
            className={follow.data.following ? "secondary" : undefined}
            aria-pressed={follow.data.following}
            disabled={toggle.isPending}
            onClick={() => toggle.mutate(follow.data.following)}
          >
            {follow.data.following ? t("work.unfollow", { name }) : t("work.follow", { name })}
          </button>
        ) : null}
        {isSelf ? (
          <>
            <Link to="/me/feeds">{t("work.manageFeeds")}</Link>
            <Link to="/me/import">{t("work.importNetwork")}</Link>
          </>
        ) : null}
      </div>
      {toggle.isError ? <ErrorMessage error={toggle.error} /> : null}
      {posts.isError ? <ErrorMessage error={posts.error} onRetry={() => void posts.refetch()} /> : null}
      {posts.data && posts.data.posts.length === 0 ? <Empty>{t("work.noPosts")}</Empty> : null}
      {posts.data && posts.data.posts.length > 0 ? (
        <ul className="cards">
          {posts.data.posts.map((post) => (
            <li key={post.id} className="card h-entry">
              <h3 className="p-name">
                {post.url ? (
                  <a className="u-url" href={post.url} rel="noopener noreferrer nofollow" target="_blank">
                    {post.title}
                  </a>
                ) : (
                  post.title
                )}
              </h3>
              {post.summary ? <p className="p-summary">{post.summary}</p> : null}
              <p className="muted">
                {post.feedTitle ? `${post.feedTitle}` : ""}
                {post.feedTitle && post.publishedAt ? " · " : ""}
                {post.publishedAt ? (
                  <time className="dt-published" dateTime={post.publishedAt}>
                    {dateFormat.format(new Date(post.publishedAt))}
                  </time>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
