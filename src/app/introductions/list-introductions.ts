/** The introductions the viewer is part of, and one of them. */
import { findIntroductionById, listIntroductionsOf } from "../../db/repositories/introductions.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { viewIntroduction, type IntroductionView } from "./introduction-view";

/** Newest first, each as the viewer may see it. */
export async function listIntroductions(context: AppContext, viewerId: number): Promise<IntroductionView[]> {
  const now = context.now();
  return (await listIntroductionsOf(context.db, viewerId, 200)).map((row) => viewIntroduction(row, viewerId, now));
}

/** One introduction; 404 unless the viewer is its connector or one of the two introduced. */
export async function getIntroduction(
  context: AppContext,
  viewerId: number,
  introductionId: number,
): Promise<IntroductionView> {
  const row = await findIntroductionById(context.db, introductionId);
  if (!row) throw notFound("Introduction");
  return viewIntroduction(row, viewerId, context.now());
}
