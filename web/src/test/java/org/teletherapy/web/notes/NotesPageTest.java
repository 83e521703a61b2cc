package org.teletherapy.web.notes;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.teletherapy.web.StandInApi.Answer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notes pages, rendered from what notes-service answers in its real shapes (NoteSummary, NoteDetails,
 * AuditEntryView, problem details), with the names and times sessions-service gives.
 */
class NotesPageTest extends TherapistPageTest {

    static final String DRAFT = "40000000-0000-4000-8000-000000000001";
    static final String SIGNED = "40000000-0000-4000-8000-000000000002";
    static final String PRIVATE = "40000000-0000-4000-8000-000000000003";

    @Test
    void myNotesListDraftsFirstWithTheClientTheSessionAndTheKind() {
        API.answer("/api/v1/notes", Answer.json("[" + summary(SIGNED, SESSION1, CLIENT1, "progress", "signed", "2026-03-10T12:00:00Z")
                + "," + summary(DRAFT, SESSION2, CLIENT2, "progress", "draft", "2026-03-09T12:00:00Z")
                + "," + summary(PRIVATE, SESSION1, CLIENT1, "psychotherapy", "draft", "2026-03-10T13:00:00Z") + "]"));

        Document page = page("/notes");

        assertThat(page.select("h1").text()).isEqualTo("My notes");
        assertThat(page.select("[aria-labelledby=drafts-heading] li a.title").eachAttr("href"))
                .containsExactly("/notes/" + PRIVATE, "/notes/" + DRAFT);
        assertThat(page.select("[aria-labelledby=drafts-heading] li").first().text())
                .contains("Psychotherapy note", "Clara Meyer", "Session on Tuesday, March 10, 2026, 10:00 AM");
        assertThat(page.select("[aria-labelledby=drafts-heading] li").get(1).text()).contains("Progress note", "Chidi Nwosu");
        assertThat(page.select("[aria-labelledby=signed-heading] li a.title").eachAttr("href")).containsExactly("/notes/" + SIGNED);
    }

    @Test
    void aProgressNoteAndAPsychotherapyNoteAreChosenAndShownDifferently() {
        Document progress = page("/notes/new?sessionId=" + SESSION1);
        Document psychotherapy = page("/notes/new?sessionId=" + SESSION1 + "&kind=psychotherapy");

        assertThat(progress.select(".about").text()).contains("Clara Meyer", "Session on Tuesday, March 10, 2026, 10:00 AM");
        assertThat(progress.select(".kind-choice a[aria-current=page]").text()).isEqualTo("Progress note");
        assertThat(progress.select(".note-kind.progress").text()).contains("Part of the client’s clinical record");
        assertThat(progress.select("form#note-form.progress input[name=kind]").val()).isEqualTo("progress");
        assertThat(progress.select("label[for=content]").text()).isEqualTo("Progress note");

        assertThat(psychotherapy.select(".kind-choice a[aria-current=page]").text()).isEqualTo("Psychotherapy note");
        assertThat(psychotherapy.select(".note-kind.psychotherapy").text())
                .contains("kept apart from the clinical record", "only you, its author, can read it", "never exported");
        assertThat(psychotherapy.select("form#note-form.psychotherapy input[name=kind]").val()).isEqualTo("psychotherapy");
        assertThat(psychotherapy.select("label[for=content]").text()).isEqualTo("Psychotherapy note (private)");
        assertThat(psychotherapy.select(".note-kind.progress")).isEmpty();
    }

    @Test
    void withAClientInsteadOfASessionTheirSessionsAreOfferedNotTheCancelledOne() {
        Document page = page("/notes/new?clientId=" + CLIENT1);

        assertThat(page.select(".about .client").text()).isEqualTo("Clara Meyer");
        assertThat(page.select("nav a").eachAttr("href")).doesNotContain("/book", "/homework");
        assertThat(page.select(".list li a").eachAttr("href")).containsExactly("/notes/new?sessionId=" + SESSION1);
        assertThat(page.select(".list li").text()).contains("held");
    }

    @Test
    void writingANoteSendsItsKindAndTextAndOpensTheDraft() {
        API.answer("POST /api/v1/notes", new Answer(201, "application/json", summary(DRAFT, SESSION1, CLIENT1,
                "psychotherapy", "draft", "2026-03-10T12:00:00Z")));

        var response = send("/notes", Map.of("sessionId", SESSION1, "kind", "psychotherapy",
                "content", "First line\r\nsecond line", "action", "save"));

        response.expectStatus().is3xxRedirection().expectHeader().location("/notes/" + DRAFT + "?saved");
        assertThat(API.bodySentTo("POST", "/api/v1/notes")).contains("\"sessionId\":\"" + SESSION1 + "\"",
                "\"kind\":\"psychotherapy\"", "\"content\":\"First line\\nsecond line\"");
    }

    @Test
    void aNoteTheSessionHasAlreadyIsOpenedInstead() {
        API.answer("POST /api/v1/notes", new Answer(409, "application/problem+json", """
                {"type":"urn:teletherapy:problem:note-exists","title":"Note already exists","status":409,
                 "detail":"This session already has a note of this kind; edit it or add an addendum.","noteId":"%s"}"""
                .formatted(DRAFT)));

        send("/notes", Map.of("sessionId", SESSION1, "kind", "progress", "content", "Text"))
                .expectStatus().is3xxRedirection().expectHeader().location("/notes/" + DRAFT + "?exists");
    }

    @Test
    void aNoteTooLongIsRefusedBesideTheTextAndTheTextStays() {
        API.answer("POST /api/v1/notes", new Answer(413, "application/problem+json", """
                {"type":"urn:teletherapy:problem:content-too-large","title":"Content too large","status":413,
                 "detail":"A note's text may hold at most 65536 bytes (UTF-8), sections included.","maxBytes":65536}"""));

        Document page = html(send("/notes", Map.of("sessionId", SESSION1, "kind", "progress", "content", "Very long text"))
                .expectStatus().isEqualTo(413));

        assertThat(page.select("#content-error").text()).isEqualTo(
                "The note is too long: at most 64 KB of text. Shorten it, or continue in an addendum after signing.");
        assertThat(page.select("#content-error").hasAttr("hidden")).isFalse();
        assertThat(page.select("#content").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#content").attr("aria-describedby")).contains("content-error");
        assertThat(page.select("#content").text()).isEqualTo("Very long text");
        assertThat(page.select(".about").text()).contains("Clara Meyer");
    }

    @Test
    void aBlankDraftIsRefusedBesideTheText() {
        API.answer("PUT /api/v1/notes/" + DRAFT, new Answer(400, "application/problem+json", """
                {"type":"urn:teletherapy:problem:validation","title":"Bad Request","status":400,
                 "errors":[{"field":"content","message":"must not be blank"}]}"""));

        Document page = html(send("/notes/" + DRAFT, Map.of("sessionId", SESSION1, "kind", "progress", "content", " ",
                "version", "3", "action", "save")).expectStatus().isBadRequest());

        assertThat(page.select("#content-error").text()).isEqualTo("Write something before saving: an empty note cannot be saved.");
        assertThat(page.select("input[name=version]").val()).isEqualTo("3");
    }

    @Test
    void theDraftEditorSavesOnTheServerAndKnowsTheSignInsIdleTimeout() throws IOException {
        API.answer("/api/v1/notes/" + DRAFT, Answer.json(details(DRAFT, "progress", "draft", 4, "Clara talked about the move.")));

        Document page = page("/notes/" + DRAFT + "?saved");

        assertThat(page.select("h1").text()).isEqualTo("Progress note (draft)");
        assertThat(page.select("#content").text()).isEqualTo("Clara talked about the move.");
        assertThat(page.select("#save-status[role=status]").text()).isEqualTo("Your draft is saved.");
        var form = page.select("form#note-form");
        assertThat(form.attr("action")).isEqualTo("/notes/" + DRAFT);
        assertThat(form.attr("data-save-url")).isEqualTo("/notes/" + DRAFT + "/draft");
        // The web session's own idle timeout (server.reactive.session.timeout, 15 min), warned of 2 min before.
        assertThat(form.attr("data-idle-seconds")).isEqualTo("900");
        assertThat(form.attr("data-warn-seconds")).isEqualTo("120");
        assertThat(page.select("#idle-warning[role=alertdialog][hidden] button#stay-signed-in").text()).isEqualTo("Stay signed in");
        assertThat(page.select("#idle-text").text()).contains("signed out after 15 minutes without activity");
        assertThat(page.select("#signed-out[role=alert][hidden] a#sign-in-again").attr("target")).isEqualTo("_blank");
        assertThat(page.select("#signed-out a#sign-in-again").attr("href")).isEqualTo("/notes/signed-in");
        assertThat(page.select("input[name=version]").val()).isEqualTo("4");
        assertThat(page.select("button[value=sign]").text()).isEqualTo("Sign…");
        assertThat(page.select("script[src=/js/notes.js]")).hasSize(1);
        // Drafts live on the server only.
        String script = Files.readString(Path.of("src/main/resources/static/js/notes.js"));
        assertThat(script).doesNotContain("localStorage", "sessionStorage", "indexedDB");
    }

    @Test
    void theScriptsSaveAnswersTheNewVersionAndSendsTheVersionItWasBasedOn() {
        API.answer("PUT /api/v1/notes/" + DRAFT, Answer.json(summary(DRAFT, SESSION1, CLIENT1, "progress", "draft",
                "2026-03-10T12:00:00Z").replace("\"version\":1", "\"version\":5")));

        String answer = send("/notes/" + DRAFT + "/draft", Map.of("content", "More text", "version", "4"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).contains("\"version\":5", "\"message\":\"Draft saved at ");
        assertThat(API.bodySentTo("PUT", "/api/v1/notes/" + DRAFT)).isEqualTo("{\"content\":\"More text\",\"version\":4}");
    }

    @Test
    void aDraftChangedElsewhereIsNotOverwrittenByTheScriptAndSaysWhatToDo() {
        API.answer("PUT /api/v1/notes/" + DRAFT, new Answer(409, "application/problem+json", """
                {"type":"urn:teletherapy:problem:note-version-conflict","title":"Note changed meanwhile","status":409,
                 "detail":"The note was changed since you read it. Read it again and retry.","currentVersion":7}"""));

        String answer = send("/notes/" + DRAFT + "/draft", Map.of("content", "Mine", "version", "4"))
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).contains("\"currentVersion\":7", "changed in another window", "\"expired\":false");
    }

    @Test
    void aSaveAfterKeycloakEndedTheSignInSaysSoAndTheScriptKeepsTheText() {
        API.answer("PUT /api/v1/notes/" + DRAFT, Answer.problem(401, "unauthorized"));

        String answer = send("/notes/" + DRAFT + "/draft", Map.of("content", "Mine", "version", "4"))
                .expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).contains("\"expired\":true");

        // Without script: the form comes back with the text, not the "session expired" page.
        Document page = html(send("/notes/" + DRAFT, Map.of("sessionId", SESSION1, "kind", "progress", "content",
                "Mine, typed before the sign-in ended", "version", "4", "action", "save")).expectStatus().isUnauthorized());
        assertThat(page.select("#content").text()).isEqualTo("Mine, typed before the sign-in ended");
        assertThat(page.select("#note-problem").text()).contains("You were signed out, so this was not saved.");
    }

    /**
     * The web session ended (it timed out, or the person signed out elsewhere): the form's CSRF token is no longer
     * known, so the save is refused before anything reaches the API. The page's script keeps the text, asks
     * /notes/session until the person has signed in again, and saves with the new session's token.
     */
    @Test
    void aSaveAfterTheWebSessionEndedIsRefusedAndSucceedsWithTheNewSessionsToken() {
        API.answer("PUT /api/v1/notes/" + DRAFT, Answer.json(summary(DRAFT, SESSION1, CLIENT1, "progress", "draft",
                "2026-03-10T12:00:00Z")));
        API.answer("/api/v1/notes/due", Answer.json("[]"));

        // The token of a session that is gone.
        web.mutateWith(therapist()).post().uri("/notes/" + DRAFT + "/draft")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue(encode(Map.of("content", "Typed while signed out", "version", "4", "_csrf", "from-an-ended-session")))
                .exchange().expectStatus().isForbidden();
        assertThat(API.bodySentTo("PUT", "/api/v1/notes/" + DRAFT)).isNull();

        EntityExchangeResult<String> session = web.mutateWith(therapist()).get().uri("/notes/session")
                .header("Accept", "application/json").exchange()
                .expectStatus().isOk().expectHeader().valueMatches("Cache-Control", ".*no-store.*")
                .expectBody(String.class).returnResult();
        String token = session.getResponseBody().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        assertThat(session.getResponseBody()).contains("\"csrfParameter\":\"_csrf\"", "\"idleSeconds\":900");
        ResponseCookie cookie = session.getResponseCookies().getFirst("SESSION");
        assertThat(cookie).isNotNull();

        web.mutateWith(therapist()).post().uri("/notes/" + DRAFT + "/draft").cookie("SESSION", cookie.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue(encode(Map.of("content", "Typed while signed out", "version", "4", "_csrf", token)))
                .exchange().expectStatus().isOk();
        assertThat(API.bodySentTo("PUT", "/api/v1/notes/" + DRAFT)).contains("Typed while signed out");
    }

    @Test
    void signingAsksFirstAndThenLocksTheNote() {
        API.answer("/api/v1/notes/" + DRAFT, Answer.json(details(DRAFT, "progress", "draft", 4, "Ready to sign.")));
        API.answer("POST /api/v1/notes/" + DRAFT + "/sign", Answer.json(summary(DRAFT, SESSION1, CLIENT1, "progress",
                "signed", "2026-03-10T12:00:00Z")));
        API.answer("PUT /api/v1/notes/" + DRAFT, Answer.json(summary(DRAFT, SESSION1, CLIENT1, "progress", "draft",
                "2026-03-10T12:00:00Z")));

        // "Sign…" saves the text first, then asks.
        send("/notes/" + DRAFT, Map.of("sessionId", SESSION1, "kind", "progress", "content", "Ready to sign.",
                "version", "4", "action", "sign")).expectStatus().is3xxRedirection()
                .expectHeader().location("/notes/" + DRAFT + "/sign");
        Document confirm = page("/notes/" + DRAFT + "/sign");
        assertThat(confirm.select("h1").text()).isEqualTo("Sign this note?");
        assertThat(confirm.select(".sign-warning").text()).contains("Signing locks the note", "can no longer change or delete it");
        assertThat(confirm.select(".note-text").text()).isEqualTo("Ready to sign.");
        assertThat(API.bodySentTo("POST", "/api/v1/notes/" + DRAFT + "/sign")).isNull();

        send("/notes/" + DRAFT + "/sign", Map.of()).expectStatus().is3xxRedirection()
                .expectHeader().location("/notes/" + DRAFT + "?signed");
        assertThat(API.bodySentTo("POST", "/api/v1/notes/" + DRAFT + "/sign")).isNotNull();
    }

    @Test
    void aSignedNoteIsReadOnlyWithItsAddendaAndTakesAnother() {
        API.answer("/api/v1/notes/" + SIGNED, Answer.json(details(SIGNED, "progress", "signed", 2, "Signed text.")
                .replace("\"addenda\":[]", """
                        "addenda":[{"id":"a0000000-0000-4000-8000-000000000001","noteId":"%s","authorId":"%s",
                          "createdAt":"2026-03-11T08:30:00Z","content":"Clara called to add something."}]"""
                        .formatted(SIGNED, THERAPIST))));
        API.answer("POST /api/v1/notes/" + SIGNED + "/addenda", new Answer(201, "application/json", """
                {"id":"a0000000-0000-4000-8000-000000000002","noteId":"%s","authorId":"%s","createdAt":"2026-03-12T08:30:00Z"}"""
                .formatted(SIGNED, THERAPIST)));

        Document page = page("/notes/" + SIGNED + "?signed");

        assertThat(page.select("[role=status]").text()).isEqualTo("The note is signed and locked.");
        assertThat(page.select("#content")).isEmpty();
        assertThat(page.select("form#note-form")).isEmpty();
        assertThat(page.select(".note-read .note-text").text()).isEqualTo("Signed text.");
        assertThat(page.select(".locked").text()).contains("Signed on Tuesday, March 10, 2026, 1:00 PM");
        assertThat(page.select(".addenda li").text()).contains("Wednesday, March 11, 2026, 9:30 AM", "Clara called to add something.");
        assertThat(page.select("label[for=addendum]").text()).isEqualTo("Add an addendum");
        assertThat(page.select("a[href=/notes/" + SIGNED + "/log]").text()).isEqualTo("Access log");

        send("/notes/" + SIGNED + "/addenda", Map.of("content", "One more thing.")).expectStatus().is3xxRedirection()
                .expectHeader().location("/notes/" + SIGNED + "?addendum");
        assertThat(API.bodySentTo("POST", "/api/v1/notes/" + SIGNED + "/addenda")).isEqualTo("{\"content\":\"One more thing.\"}");
        assertThat(page("/notes/" + SIGNED + "?addendum").select("[role=status]").text())
                .isEqualTo("Your addendum is added to the note.");
    }

    @Test
    void anAddendumTheServiceCannotTakeStaysInItsField() {
        API.answer("/api/v1/notes/" + SIGNED, Answer.json(details(SIGNED, "progress", "signed", 2, "Signed text.")));
        API.answer("POST /api/v1/notes/" + SIGNED + "/addenda", Answer.problem(503, "note-key-unavailable"));

        Document page = html(send("/notes/" + SIGNED + "/addenda", Map.of("content", "Keep me."))
                .expectStatus().isEqualTo(503));

        assertThat(page.select("#addendum").text()).isEqualTo("Keep me.");
        assertThat(page.select("#addendum-error").text()).contains("could not be saved right now");
        assertThat(page.select("#addendum").attr("aria-describedby")).contains("addendum-error");
    }

    @Test
    void theAccessLogSaysWhoDidWhatAndWhenLatestFirst() {
        API.answer("/api/v1/notes/" + SIGNED + "/audit", Answer.json("""
                [{"sequence":10,"id":"b0000000-0000-4000-8000-000000000001","occurredAt":"2026-03-10T11:00:00Z",
                  "actorId":"%s","actorRole":"therapist","action":"C","activity":"note.create","noteId":"%s",
                  "clientId":"%s","outcome":"success","requestId":"r-1","previousHash":"00","hash":"11"},
                 {"sequence":12,"id":"b0000000-0000-4000-8000-000000000002","occurredAt":"2026-03-10T12:00:00Z",
                  "actorId":"%s","actorRole":"therapist","action":"U","activity":"note.sign","noteId":"%s",
                  "clientId":"%s","outcome":"success","requestId":"r-2","previousHash":"11","hash":"22"},
                 {"sequence":15,"id":"b0000000-0000-4000-8000-000000000003","occurredAt":"2026-03-10T13:00:00Z",
                  "actorId":"9f2c3b1e-2222-4c3a-9d7e-000000000002","actorRole":"therapist","action":"R",
                  "activity":"note.read","noteId":"%s","clientId":null,"outcome":"not-found","requestId":"r-3",
                  "previousHash":"22","hash":"33"}]
                """.formatted(THERAPIST, SIGNED, CLIENT1, THERAPIST, SIGNED, CLIENT1, SIGNED)));

        Document page = page("/notes/" + SIGNED + "/log");

        assertThat(page.select("h1").text()).isEqualTo("Access log");
        assertThat(page.select("tbody tr").eachText()).containsExactly(
                "Tuesday, March 10, 2026, 2:00 PM A therapist Read refused: not found",
                "Tuesday, March 10, 2026, 1:00 PM You Signed done",
                "Tuesday, March 10, 2026, 12:00 PM You Created done");
        assertThat(page.select("tbody tr").first().select(".tag.warning")).hasSize(1);
        // Metadata only: no hash, no client id.
        assertThat(page.html()).doesNotContain(CLIENT1, "\"33\"");
    }

    @Test
    void noNotePageIsKeptInAnyCache() {
        API.answer("/api/v1/notes", Answer.json("[]"));
        API.answer("/api/v1/notes/" + DRAFT, Answer.json(details(DRAFT, "progress", "draft", 4, "Text")));
        for (String uri : new String[] {"/notes", "/notes/" + DRAFT, "/notes/new?sessionId=" + SESSION1}) {
            getAs(therapist(), uri).expectStatus().isOk().expectHeader().valueMatches("Cache-Control", ".*no-store.*");
        }
    }

    @Test
    void theSignedInAgainTabSaysToGoBack() {
        Document page = page("/notes/signed-in");
        assertThat(page.select("h1").text()).isEqualTo("You are signed in again");
        assertThat(page.select("[role=status]").text()).contains("Go back to the tab with your note");
    }

    @Test
    void theNotesPagesAreInGerman() {
        API.answer("/api/v1/notes/" + DRAFT, Answer.json(details(DRAFT, "psychotherapy", "draft", 1, "Text")));

        Document page = page("/notes/" + DRAFT, "de");

        assertThat(page.select("h1").text()).isEqualTo("Psychotherapeutische Notiz (Entwurf)");
        assertThat(page.select(".note-kind").text()).contains("nur Sie als Verfasserin oder Verfasser können sie lesen");
        assertThat(page.select("#stay-signed-in").text()).isEqualTo("Angemeldet bleiben");
    }

    @Test
    void clientsAndOperatorsGetTheNotForThisAccountPage() {
        API.answer("/api/v1/notes", Answer.json("[]"));
        for (var who : new org.springframework.test.web.reactive.server.WebTestClientConfigurer[] {client(), operator()}) {
            for (String uri : new String[] {"/notes", "/notes/new?sessionId=" + SESSION1, "/notes/" + DRAFT,
                    "/notes/" + DRAFT + "/log", "/templates", "/templates/new", "/homework-assign?clientId=" + CLIENT1,
                    "/homework-review/" + DRAFT}) {
                Document page = Jsoup.parse(getAs(who, uri).expectStatus().isForbidden()
                        .expectBody(String.class).returnResult().getResponseBody());
                assertThat(page.select("h1").text()).as(uri).isEqualTo("Not for this account");
            }
        }
        assertThat(API.tokenSentTo("/api/v1/notes")).isNull();
    }

    @Test
    void withTheNotesServiceDownTheListSaysSoAndASaveKeepsTheText() {
        API.answer("/api/v1/notes", Answer.problem(503, "unavailable"));
        API.answer("PUT /api/v1/notes/" + DRAFT, Answer.never());

        Document list = page("/notes");
        assertThat(list.select(".notice").text()).contains("This part cannot be shown right now.");

        Document page = html(send("/notes/" + DRAFT, Map.of("sessionId", SESSION1, "kind", "progress",
                "content", "Nothing lost", "version", "2", "action", "save")).expectStatus().isEqualTo(503));
        assertThat(page.select("#content").text()).isEqualTo("Nothing lost");
        assertThat(page.select("#note-problem").text()).contains("the notes service cannot be reached");
    }

    static String summary(String id, String session, String client, String kind, String status, String updatedAt) {
        return """
                {"id":"%s","sessionId":"%s","clientId":"%s","kind":"%s","status":"%s","version":1,"format":"text",
                 "createdAt":"2026-03-09T10:00:00Z","updatedAt":"%s","signedAt":%s,"erased":false}"""
                .formatted(id, session, client, kind, status, updatedAt,
                        "signed".equals(status) ? "\"2026-03-10T12:00:00Z\"" : "null");
    }

    static String details(String id, String kind, String status, int version, String content) {
        Map<String, Object> note = new LinkedHashMap<>();
        return """
                {"id":"%s","sessionId":"%s","clientId":"%s","authorId":"%s","kind":"%s","status":"%s","version":%d,
                 "format":"text","content":"%s","structured":null,"addenda":[],"createdAt":"2026-03-09T10:00:00Z",
                 "updatedAt":"2026-03-10T11:00:00Z","signedAt":%s}"""
                .formatted(id, SESSION1, CLIENT1, THERAPIST, kind, status, version, content,
                        "signed".equals(status) ? "\"2026-03-10T12:00:00Z\"" : "null");
    }
}
