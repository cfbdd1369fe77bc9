/** Introductions (double opt-in): propose one, accept or decline those proposed to me. Wired when the contract lands. */
import { useTranslation } from "react-i18next";
import { Empty } from "../components/query-state";
import { RequireViewer } from "../components/require-viewer";

export function IntroductionsPage() {
  const { t } = useTranslation();
  return (
    <RequireViewer>
      {() => (
        <section>
          <h1>{t("introductions.title")}</h1>
          <p>{t("introductions.intro")}</p>
          <Empty>{t("introductions.notYet")}</Empty>
        </section>
      )}
    </RequireViewer>
  );
}
