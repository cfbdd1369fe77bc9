/** The web app: providers and routes, one page per file under pages/. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Route, Routes } from "react-router";
import { Layout } from "./components/layout";
import { AnnounceTripPage } from "./pages/announce-trip-page";
import { CityReportPage } from "./pages/city-report-page";
import { CreateEventPage } from "./pages/create-event-page";
import { EditEventPage } from "./pages/edit-event-page";
import { DirectoryPage } from "./pages/directory-page";
import { EventPage } from "./pages/event-page";
import { EventsPage } from "./pages/events-page";
import { ForgotPasswordPage } from "./pages/forgot-password-page";
import { HomePage } from "./pages/home-page";
import { InboxPage } from "./pages/inbox-page";
import { IntroductionsPage } from "./pages/introductions-page";
import { MemberPage } from "./pages/member-page";
import { ProfileFeedsPage } from "./pages/profile-feeds-page";
import { ImportPage } from "./pages/import-page";
import { NotFoundPage } from "./pages/not-found-page";
import { NotificationsPage } from "./pages/notifications-page";
import { AdminPage } from "./pages/admin-page";
import { ModerationPage } from "./pages/moderation-page";
import { MyDataPage } from "./pages/my-data-page";
import { OfferPage } from "./pages/offer-page";
import { OnboardingPage } from "./pages/onboarding-page";
import { ResetPasswordPage } from "./pages/reset-password-page";
import { SettingsPage } from "./pages/settings-page";
import { SignInPage } from "./pages/sign-in-page";
import { SignUpPage } from "./pages/sign-up-page";
import { TripPage } from "./pages/trip-page";
import { TripsPage } from "./pages/trips-page";
import { VerifyEmailPage } from "./pages/verify-email-page";

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="sign-up" element={<SignUpPage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="verify-email" element={<VerifyEmailPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="onboarding" element={<OnboardingPage />} />
            <Route path="trips" element={<TripsPage />} />
            <Route path="trips/new" element={<AnnounceTripPage />} />
            <Route path="trips/:id" element={<TripPage />} />
            <Route path="directory" element={<DirectoryPage />} />
            <Route path="members/:id" element={<MemberPage />} />
            <Route path="me/feeds" element={<ProfileFeedsPage />} />
            <Route path="me/import" element={<ImportPage />} />
            <Route path="events" element={<EventsPage />} />
            <Route path="events/new" element={<CreateEventPage />} />
            <Route path="events/:id" element={<EventPage />} />
            <Route path="events/:id/edit" element={<EditEventPage />} />
            <Route path="offers/:id" element={<OfferPage />} />
            <Route path="introductions" element={<IntroductionsPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="my-data" element={<MyDataPage />} />
            <Route path="moderation" element={<ModerationPage />} />
            <Route path="admin" element={<AdminPage />} />
            <Route path="inbox" element={<InboxPage />} />
            <Route path="cities/:slug/report" element={<CityReportPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
