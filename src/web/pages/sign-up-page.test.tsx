// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders, stubFetch } from "../test-support";
import { safeNext } from "./sign-in-page";
import { SignUpPage } from "./sign-up-page";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("signing up", () => {
  it("checks the name, the email and the password length before sending", async () => {
    const requests = stubFetch(() => ({ status: 500, body: {} }));
    renderWithProviders(<SignUpPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email address"), "not-an-email");
    await user.type(screen.getByLabelText("Password"), "short");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(screen.getByText("Fill in this field.")).toBeTruthy();
    expect(screen.getByText("Enter an email address such as name@example.com.")).toBeTruthy();
    expect(screen.getByText("Use at least 10 characters.")).toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it("says next to the email field when the address is taken", async () => {
    stubFetch(() => ({ status: 422, body: { code: "USER_ALREADY_EXISTS", message: "User already exists" } }));
    renderWithProviders(<SignUpPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Your name"), "Nadia");
    await user.type(screen.getByLabelText("Email address"), "nadia@example.test");
    await user.type(screen.getByLabelText("Password"), "a long enough password");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    await waitFor(() => expect(screen.getByText(/An account already uses this email/)).toBeTruthy());
  });

  it("only follows a path of this site after signing in", () => {
    expect(safeNext("/trips/3")).toBe("/trips/3");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});
