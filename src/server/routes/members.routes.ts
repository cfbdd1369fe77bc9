/** Member profiles: a member's public profile and the viewer's own profile. */
import type { Profile, PublicMember } from "../../api/members";
import { getMemberRoute, getMyProfileRoute, updateMyProfileRoute } from "../../api/members";
import { getMyProfile } from "../../app/members/get-my-profile";
import { getPublicMember } from "../../app/members/get-public-member";
import { updateMyProfile } from "../../app/members/update-my-profile";
import type { MemberRow } from "../../db/repositories/members.repository";
import { requireViewer, type RouteRegistrar } from "../http";

const careerStage = (value: string): Profile["careerStage"] =>
  (["student", "first_time_founder", "experienced_founder", "executive", "investor", "freelancer"] as const).find(
    (stage) => stage === value,
  ) ?? "other";

function presentProfile(member: MemberRow): Profile {
  return {
    memberId: member.id,
    name: member.name,
    headline: member.headline,
    bio: member.bio,
    sectors: member.sectors,
    tags: member.tags,
    gives: member.gives,
    givesTags: member.givesTags,
    seeks: member.seeks,
    seeksTags: member.seeksTags,
    languages: member.languages,
    links: member.links,
    careerStage: careerStage(member.careerStage),
    homeCityId: member.homeCityId,
    currentCityId: member.currentCityId,
    locale: member.locale === "fr" ? "fr" : "en",
    isComplete:
      member.headline.length > 0 &&
      (member.gives.length > 0 ||
        member.givesTags.length > 0 ||
        member.seeks.length > 0 ||
        member.seeksTags.length > 0),
  };
}

export const registerMemberRoutes: RouteRegistrar = (router, context) => {
  router.openapi(getMemberRoute, async (c) => {
    const viewer = c.get("viewer");
    const view = await getPublicMember(context, {
      memberId: c.req.valid("param").id,
      viewerId: viewer?.memberId ?? null,
    });
    const { member } = view;
    const body: PublicMember = {
      id: member.id,
      name: member.name,
      headline: member.headline,
      bio: member.bio,
      sectors: member.sectors,
      tags: member.tags,
      gives: member.gives,
      givesTags: member.givesTags,
      seeks: member.seeks,
      seeksTags: member.seeksTags,
      languages: member.languages,
      links: member.links,
      careerStage: careerStage(member.careerStage),
      homeCity: view.homeCity,
      currentCity: view.currentCity,
      isDemo: member.isDemo,
      giving: view.giving,
    };
    return c.json(body, 200);
  });

  router.openapi(getMyProfileRoute, async (c) => {
    const viewer = requireViewer(c);
    return c.json(presentProfile(await getMyProfile(context, { memberId: viewer.memberId })), 200);
  });

  router.openapi(updateMyProfileRoute, async (c) => {
    const viewer = requireViewer(c);
    const member = await updateMyProfile(context, { memberId: viewer.memberId, fields: c.req.valid("json") });
    return c.json(presentProfile(member), 200);
  });
};
