// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Profile } from "../api-types";
import { renderWithProviders, stubFetch } from "../test-support";
import { ProfileForm } from "./profile-form";

const profile: Profile = {
  memberId: 5,
  name: "Nadia",
  headline: "",
  bio: "",
  sectors: [],
  tags: [],
  gives: "",
  givesTags: [],
  seeks: "",
  seeksTags: [],
  languages: [],
  links: [],
  careerStage: "other",
  homeCityId: null,
  currentCityId: null,
  locale: "en",
  isComplete: false,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the profile form", () => {
  it("asks for a headline, something given or sought, and web links", async () => {
    const requests = stubFetch(() => ({ status: 500, body: {} }));
    renderWithProviders(<ProfileForm profile={profile} cities={[]} onSaved={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Link 1: address"), "javascript:alert(1)");
    await user.click(screen.getByRole("button", { name: "Save my profile" }));
    expect(screen.getByText("Write a one-line headline.")).toBeTruthy();
    expect(screen.getByText("Say what you can give or what you seek (or both).")).toBeTruthy();
    expect(screen.getByText("A link must start with http:// or https://.")).toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it("saves the profile with clean lists and shows the API's error on the named field", async () => {
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: { error: { code: "validation_failed", message: "sectors.0: Too big", field: "sectors.0" } },
    };
    const requests = stubFetch(() => answer);
    const onSaved = vi.fn();
    renderWithProviders(<ProfileForm profile={profile} cities={[]} onSaved={onSaved} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Headline"), "Founder, ex-chef");
    await user.type(screen.getByLabelText("Sectors"), "food, , restaurants");
    await user.type(screen.getByLabelText("What I seek"), "Investors");
    await user.click(screen.getByRole("checkbox", { name: "French" }));
    await user.type(screen.getByLabelText("Link 1: address"), "https://example.test");
    await user.click(screen.getByRole("button", { name: "Save my profile" }));
    await waitFor(() => expect(screen.getByText("Too big")).toBeTruthy());
    expect(screen.getByLabelText("Sectors").getAttribute("aria-invalid")).toBe("true");
    expect(requests[0]?.body).toMatchObject({
      headline: "Founder, ex-chef",
      sectors: ["food", "restaurants"],
      seeks: "Investors",
      languages: ["fr"],
      links: [{ label: "https://example.test", url: "https://example.test" }],
    });
    answer = { status: 200, body: { ...profile, isComplete: true } };
    await user.click(screen.getByRole("button", { name: "Save my profile" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });
});
