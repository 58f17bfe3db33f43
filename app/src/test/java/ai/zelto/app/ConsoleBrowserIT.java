package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.adapters.livekit.FakeLiveKitServer;
import ai.zelto.adapters.llm.FakeChatModelServer;
import ai.zelto.adapters.telephony.FakeTwilioServer;
import ai.zelto.adapters.persistence.TestDatabase;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The console in real headless Chromium against the real jar, step by step as a new user meets it: the owner's
 * printed setup link, sign-in, an upload found by a word of its transcript, the call played with its transcript
 * following, hostile transcripts shown as text, CSRF refusals, another organization's calls not found. One jar and
 * one browser serve every step; each page is checked with axe-core and photographed in light and dark mode, wide
 * and phone-sized ({@code target/screenshots}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final Pattern SETUP_LINK = Pattern.compile("http://localhost:\\d+/setup/[A-Za-z0-9_-]+");
    private static final String PASSWORD = "a long enough passphrase";
    private static final String TWILIO_ACCOUNT = "AC" + "0000000000000000000000000000c0de";

    private TestDatabase database;
    private ZeltoProcess zelto;
    private SourceServer recordings;
    private Browser browser;
    private FakeLiveKitServer liveKit;
    private FakeTwilioServer twilio;
    private FakeChatModelServer chatModel;
    private Map<String, String> env;
    private Path dataDir;
    private int port;
    private String setupLink;
    private String callId;
    private String agentPath;
    private String voiceAgentPath;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        dataDir = Files.createTempDirectory("zelto-console");
        env = ZeltoProcess.environmentFor(database, dataDir);
        env.put("ZELTO_FETCH_ALLOWED_HOSTS", "127.0.0.1");
        env.put("ZELTO_WORKER_IDLE_POLL_MILLIS", "20");
        port = Integer.parseInt(env.get("ZELTO_PORT"));
        liveKit = new FakeLiveKitServer();
        liveKit.holdRtc(Duration.ofSeconds(20));
        env.put("ZELTO_LIVEKIT_URL", liveKit.wsUrl());
        env.put("ZELTO_LIVEKIT_API_KEY", FakeLiveKitServer.API_KEY);
        env.put("ZELTO_LIVEKIT_API_SECRET", FakeLiveKitServer.API_SECRET);
        twilio = new FakeTwilioServer();
        twilio.account(TWILIO_ACCOUNT, "console-twilio-token");
        env.put("ZELTO_TWILIO_API_URL", twilio.url());
        env.put("ZELTO_PUBLIC_URL", "http://localhost:" + port);
        chatModel = FakeChatModelServer.start();
        env.put("ZELTO_LLM_URL", chatModel.baseUrl());
        env.put("ZELTO_LLM_MODEL", "console-model");
        recordings = new SourceServer().serve("/call.wav", TestAudio.wav(14));
        zelto = ZeltoProcess.start(dataDir, "zelto.log", env);
        String output = zelto.awaitStarted(port);
        long deadline = System.nanoTime() + 20_000_000_000L;
        Matcher link = SETUP_LINK.matcher(output);
        while (!link.find() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            link = SETUP_LINK.matcher(zelto.output());
        }
        setupLink = link.group();
        browser = Browser.on("http://localhost:" + port);
    }

    /**
     * With {@code -Dzelto.readmeImages=<dir>}, the README's pictures are refreshed from this run's screenshots:
     * {@code mvn -pl app -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConsoleBrowserIT
     * -Dzelto.readmeImages=../docs/images}.
     */
    @AfterAll
    void refreshReadmeImages() throws Exception {
        String target = System.getProperty("zelto.readmeImages");
        if (target != null && !target.isBlank()) {
            Path directory = Path.of(target);
            Files.createDirectories(directory);
            for (String name : new String[] {"conversation-light-wide", "integrations-light-wide",
                    "conversations-search-light-wide", "conversation-dark-phone"}) {
                Files.copy(Browser.SCREENSHOTS.resolve(name + ".png"), directory.resolve("console-" + name + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (zelto != null) {
            zelto.close();
        }
        if (recordings != null) {
            recordings.close();
        }
        if (liveKit != null) {
            liveKit.close();
        }
        if (twilio != null) {
            twilio.close();
        }
        if (chatModel != null) {
            chatModel.close();
        }
        database.close();
    }

    @Test
    @Order(1)
    void theOwner_setsTheirLogin_throughTheLinkPrintedAtFirstStart() {
        assertThat(zelto.output()).contains("Zelto console: set the owner's email and password at " + setupLink);
        browser.open(setupLink);
        assertThat(browser.find("h1").getText()).isEqualTo("Set up your login");
        browser.assertAccessible("the setup page");
        browser.screenshots("setup");
        browser.submit(Map.of("email", "owner@example.com", "displayName", "Olu Owner", "password", PASSWORD,
                "confirm", "different passphrase"));
        assertThat(browser.await(d -> browser.find(".field-error")).getText()).contains("differ");
        browser.submit(Map.of("password", PASSWORD, "confirm", PASSWORD));
        browser.await(d -> browser.path().equals("/conversations"));
        assertThat(browser.find(".who-name").getText()).isEqualTo("Olu Owner");
        assertThat(browser.find(".empty h2").getText()).isEqualTo("No calls yet");

        browser.open(setupLink);
        assertThat(browser.find("h1").getText()).as("a setup link works once").isEqualTo("This link no longer works");
    }

    @Test
    @Order(2)
    void signingOut_andInAgain_withAWrongPasswordFirst() {
        signOut();
        assertThat(browser.find(".alert.info").getText()).isEqualTo("You have signed out.");
        browser.open("/conversations");
        assertThat(browser.path()).as("a page needs a session").isEqualTo("/login?next=%2Fconversations");
        browser.assertAccessible("the sign-in page");
        browser.screenshots("login");
        browser.submit(Map.of("email", "owner@example.com", "password", "not the password"));
        assertThat(browser.await(d -> browser.find(".alert.error")).getText())
                .isEqualTo("Email or password is incorrect.");
        browser.submit(Map.of("password", PASSWORD));
        browser.await(d -> browser.path().equals("/conversations"));
    }

    @Test
    @Order(3)
    void anUploadedCall_isListedWithinSeconds_withItsProviderTag() throws Exception {
        upload(TestServer.KEY, """
                {"call": {"externalId": "order-427", "startedAt": "2026-11-30T10:00:00Z", "durationSeconds": 14,
                          "endedReason": "customer-ended-call", "cost": 0.042, "recordingUrl": "%s",
                          "customer": {"number": "+1 555-0100", "name": "Dana Lee"}},
                 "agent": {"externalId": "support-bot", "name": "Support bot"}, "version": "v3",
                 "metadata": {"channel": "phone"},
                 "transcript": {"turns": [
                   {"role": "user", "text": "Hi, my order 427 is late.", "startSeconds": 0, "endSeconds": 3.5},
                   {"role": "assistant", "text": "I see it left our warehouse yesterday.", "startSeconds": 4,
                    "endSeconds": 7.5},
                   {"role": "user", "text": "Can I get a refund for the shipping?", "startSeconds": 8,
                    "endSeconds": 10.5},
                   {"role": "assistant", "text": "Yes, the shipping fee is back on your card.", "startSeconds": 11,
                    "endSeconds": 14}]}}""".formatted(recordings.url("/call.wav")));
        upload(TestServer.KEY, """
                {"call": {"externalId": "chat-1", "startedAt": "2026-11-30T09:00:00Z"},
                 "agent": {"externalId": "support-bot"}, "metadata": {"channel": "sms"},
                 "transcript": {"turns": [{"role": "user", "text": "Where is my parcel?"}]}}""");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (browser.all(".call-row").size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            browser.open("/conversations");
        }
        assertThat(browser.all(".call-row")).hasSize(2);
        WebElement newest = browser.all(".call-row").get(0);
        assertThat(newest.findElement(org.openqa.selenium.By.cssSelector(".tag")).getText()).isEqualTo("API");
        assertThat(newest.getText()).contains("Support bot", "v3", "0:14", "$0.04", "customer-ended-call", "Dana Lee");
        browser.assertAccessible("the conversations list");
    }

    @Test
    @Order(4)
    void search_findsTheCall_byAWordOfItsTranscript() throws Exception {
        WebElement search = browser.find("#q");
        search.sendKeys("refund\n");
        browser.await(d -> browser.all(".call-row").size() == 1 && browser.driver.getCurrentUrl().contains("q=refund"));
        assertThat(browser.find(".call-row .snippet mark").getText()).isEqualTo("refund");
        browser.screenshots("conversations-search");

        browser.open("/conversations?meta=channel%3Dsms");
        assertThat(browser.all(".call-row")).hasSize(1);
        assertThat(browser.find(".call-row").getText()).doesNotContain("0:14");
        browser.open("/conversations?q=nothing-says-this");
        assertThat(browser.find(".empty h2").getText()).isEqualTo("No calls match");
    }

    @Test
    @Order(5)
    void theCallsPage_opensAtTheHit_andTheTranscriptFollowsTheAudio() throws Exception {
        browser.open("/conversations?q=refund");
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys("j").perform();
        assertThat(browser.find(".call-row").getAttribute("class")).as("j selects the first row")
                .contains("selected");
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.await(d -> browser.path().contains("#turn-2"));
        callId = browser.path().replaceAll("^/conversations/([^?#]+).*$", "$1");
        assertThat(browser.find("#turn-2").getAttribute("class")).contains("hit");
        assertThat(browser.find("#turn-2 mark").getText()).isEqualTo("refund");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (browser.all("#audio").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(300);
            browser.driver.navigate().refresh();
        }
        assertThat(browser.all("#audio")).as("the recording was copied and can be played").hasSize(1);
        browser.assertAccessible("a conversation");
        browser.screenshots("conversation");

        browser.script("const a = document.getElementById('audio'); a.currentTime = 3; return a.play();");
        browser.await(d -> "turn-1".equals(browser.script(
                "return document.querySelector('.turn.current')?.id")));
        browser.find("#turn-3").click();
        double at = ((Number) browser.script("return document.getElementById('audio').currentTime")).doubleValue();
        assertThat(at).as("clicking a turn moves the player to it").isBetween(10.9, 12.5);
        assertThat(browser.find("#turn-3").getAttribute("class")).contains("current");
        browser.script("document.getElementById('audio').pause()");
    }

    @Test
    @Order(6)
    void theAgentsPage_putsItsVersionsSideBySide() {
        browser.open("/agents");
        browser.assertAccessible("the agents list");
        browser.find("a.row-link").click();
        browser.await(d -> browser.path().startsWith("/agents/"));
        agentPath = browser.path();
        assertThat(browser.all(".version h3")).extracting(WebElement::getText).contains("v3", "no version");
        assertThat(browser.find(".version").getText()).contains("customer-ended-call");
        browser.assertAccessible("an agent");
        browser.screenshots("agent");
    }

    @Test
    @Order(7)
    void aFailedDelivery_isListedOnDeliveries_withItsReason() throws Exception {
        upload(TestServer.KEY, """
                {"call": {"externalId": "ghost"}, "agentId": "%s",
                 "transcript": {"turns": [{"role": "user", "text": "hello?"}]}}"""
                .formatted(java.util.UUID.randomUUID()));
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            browser.open("/deliveries?status=failed");
        } while (browser.all("tr.delivery-failed").isEmpty() && System.nanoTime() < deadline && pause());
        assertThat(browser.find("tr.delivery-failed").getText()).containsIgnoringCase("agent");
        assertThat(browser.find(".tabs [aria-current='page']").getText()).isEqualTo("Failed");
        browser.assertAccessible("deliveries");
        browser.screenshots("deliveries");
    }

    @Test
    @Order(8)
    void aKey_isShownOnce_andRevokingItRefusesTheNextUpload() throws Exception {
        String key = createKey("browser-key");
        assertThat(key).startsWith("zk_");
        browser.assertAccessible("a new key");
        browser.open("/settings/keys");
        assertThat(browser.all("#new-key")).as("shown once").isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain(key);
        browser.screenshots("keys");
        // The API Call Upload card's own example, run as a person pastes it into a shell, with the new key.
        browser.open("/settings/integrations");
        String example = (String) browser.script("return document.getElementById('example-zelto').textContent");
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", example).redirectErrorStream(true);
        shell.environment().put("ZELTO_API_KEY", key);
        Process curl = shell.start();
        String answer = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(curl.waitFor()).as(answer).isZero();
        assertThat(answer).contains("{\"received\":true}");
        awaitListed("call-001");
        browser.open("/settings/keys");

        WebElement row = browser.all("tbody tr").stream().filter(r -> r.getText().contains("browser-key"))
                .findFirst().orElseThrow();
        row.findElement(org.openqa.selenium.By.cssSelector("button.danger")).click();
        browser.driver.switchTo().alert().accept();
        browser.await(d -> browser.path().startsWith("/settings/keys?revoked="));
        assertThat(browser.find(".alert.info").getText()).contains("browser-key");
        HttpResponse<String> refused = ZeltoProcess.post(port, key, "{\"call\": {\"externalId\": \"late\"}}");
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(9)
    void anInvitedViewer_readsEverything_butTheServerRefusesThemKeys() throws Exception {
        browser.open("/settings/members");
        browser.find("#invite-email").sendKeys("viewer@example.com");
        browser.find("#invite-name").sendKeys("Vic Viewer");
        new org.openqa.selenium.support.ui.Select(browser.find("#invite-role")).selectByValue("viewer");
        browser.find("form.inline-form button[type=submit]").click();
        String invitation = browser.await(d -> browser.find("#invite-link")).getText();
        browser.assertAccessible("members");
        browser.screenshots("members");

        signOut();
        browser.open(invitation);
        browser.submit(Map.of("password", "viewer passphrase", "confirm", "viewer passphrase"));
        browser.await(d -> browser.path().equals("/conversations"));
        assertThat(browser.find(".who-role").getText()).isEqualTo("viewer");
        assertThat(browser.all(".call-row")).isNotEmpty();
        browser.open("/settings/keys");
        assertThat(browser.all("#key-name")).as("no form for a viewer").isEmpty();
        String cookie = "zelto_session=" + browser.driver.manage().getCookieNamed("zelto_session").getValue();
        String token = browser.find("meta[name='csrf-token']").getAttribute("content");
        HttpResponse<String> refused = post("/settings/keys", cookie, "http://localhost:" + port,
                "csrf=" + token + "&name=sneaky");
        assertThat(refused.statusCode()).as("the server says no").isEqualTo(403);
        assertThat(refused.body()).contains("cannot create API keys");
        assertThat(post("/settings/members", cookie, "http://localhost:" + port,
                "csrf=" + token + "&email=x%40example.com&role=admin").statusCode()).isEqualTo(403);
        browser.open("/settings/keys");
        assertThat(browser.driver.getPageSource()).doesNotContain("sneaky");

        signOut();
        browser.open("/login");
        browser.submit(Map.of("email", "owner@example.com", "password", PASSWORD));
        browser.await(d -> browser.path().equals("/conversations"));
    }

    @Test
    @Order(10)
    void theCli_createsPeople_andResetsPasswords_withOneTimeLinks() throws Exception {
        ZeltoProcess create = ZeltoProcess.start(dataDir, "users-create.log", env, "users", "create", "--email",
                "Cli@Example.com", "--role", "member");
        assertThat(create.awaitExit()).as(create::output).isZero();
        assertThat(create.output()).contains("Setup link for cli@example.com (member");
        Matcher created = SETUP_LINK.matcher(create.output());
        assertThat(created.find()).isTrue();
        ZeltoProcess reset = ZeltoProcess.start(dataDir, "users-reset.log", env, "users", "reset-password",
                "--email", "cli@example.com");
        assertThat(reset.awaitExit()).as(reset::output).isZero();
        Matcher again = SETUP_LINK.matcher(reset.output());
        assertThat(again.find()).isTrue();
        ZeltoProcess unknown = ZeltoProcess.start(dataDir, "users-unknown.log", env, "users", "reset-password",
                "--email", "nobody@example.com");
        assertThat(unknown.awaitExit()).isNotZero();
        assertThat(unknown.output()).contains("nobody signs in with this email");
        browser.open("/settings/members");
        WebElement invited = browser.all("tbody tr").stream().filter(row -> row.getText().contains("cli@example.com"))
                .findFirst().orElseThrow();
        assertThat(invited.findElement(org.openqa.selenium.By.cssSelector(".status-pending"))
                .getAttribute("textContent")).isEqualTo("invited");
    }

    @Test
    @Order(11)
    void theIntegrationsPage_saysHowToConnect_withThisServersUrls() throws Exception {
        browser.open("/settings/integrations");
        WebElement upload = browser.find("#zelto");
        assertThat(upload.getText()).contains("API Call Upload", "http://localhost:" + port + "/webhooks/calls");
        assertThat(upload.findElement(org.openqa.selenium.By.cssSelector(".integration-head .status"))
                .getAttribute("textContent")).isEqualTo("Active");
        String prompt = (String) browser.script("return document.getElementById('prompt-zelto').textContent");
        assertThat(prompt).contains("http://localhost:" + port + "/webhooks/calls", "ZELTO_API_KEY",
                "Never hard-code it");
        WebElement livekitCard = browser.find("#livekit");
        assertThat(livekitCard.getText()).contains("http://localhost:" + port + "/webhooks/livekit");
        assertThat(livekitCard.findElements(By.cssSelector("input[name^='setting.']"))).extracting(
                field -> field.getAttribute("name")).containsExactly("setting.url", "setting.apiKey",
                "setting.apiSecret");
        assertThat(livekitCard.findElement(By.cssSelector("input[name='setting.apiSecret']")).getAttribute("type"))
                .isEqualTo("password");
        browser.assertAccessible("integrations");
        browser.screenshots("integrations");
        browser.find("#retell form.inline button").click();
        browser.await(d -> browser.path().startsWith("/settings/integrations?rotated=retell"));
        assertThat(browser.find("#hook-retell").getText()).startsWith("http://localhost:" + port + "/webhooks/retell/");
        browser.assertAccessible("integrations with a hook URL");
    }

    @Test
    @Order(12)
    void creditsAndTheAuditLog_showWhatHappened() {
        browser.open("/credits");
        assertThat(browser.all("tbody tr")).isNotEmpty();
        browser.assertAccessible("credits");
        browser.screenshots("credits");
        browser.open("/audit");
        assertThat(browser.find("tbody").getText()).contains("user.signed_in", "user.sign_in_failed",
                "api_key.revoked", "user.created", "provider_hook.rotated");
        browser.assertAccessible("the audit log");
        browser.screenshots("audit");
    }

    @Test
    @Order(13)
    void hostileTranscripts_areShownAsText_andRunNothing() throws Exception {
        upload(TestServer.KEY, """
                {"call": {"externalId": "xss", "startedAt": "2026-11-30T11:00:00Z",
                          "customer": {"name": "<script>alert(3)</script>"}},
                 "agent": {"externalId": "x<b>ss</b>", "name": "<img src=x onerror=alert(4)>"},
                 "metadata": {"<i>k</i>": "\\"><script>alert(5)</script>"},
                 "transcript": {"turns": [{"role": "user", "text": "<img src=x onerror=alert(1)>"},
                                          {"role": "assistant", "text": "</script><script>alert(2)</script>"}]}}""");
        JsonNode list = awaitListed("xss");
        browser.open("/conversations/" + list.get("id").asText() + "?q=script");
        assertThat(browser.find("#turn-0 .turn-text").getText()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(browser.find("#turn-1 .turn-text").getText()).isEqualTo("</script><script>alert(2)</script>");
        assertThat(browser.find("h1").getText()).isEqualTo("<img src=x onerror=alert(4)>");
        assertThat(browser.all("img[src='x']")).isEmpty();
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.open("/conversations");
        assertThat(browser.all("img[src='x']")).isEmpty();
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @Order(14)
    void aFormPostedWithoutItsCsrfToken_orFromAnotherSite_isRefused() throws Exception {
        Cookie session = browser.driver.manage().getCookieNamed("zelto_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        String cookie = "zelto_session=" + session.getValue();
        String token = browser.find("meta[name='csrf-token']").getAttribute("content");
        assertThat(post("/logout", cookie, "http://localhost:" + port, "").statusCode()).isEqualTo(403);
        assertThat(post("/logout", cookie, "http://localhost:" + port, "csrf=wrong").statusCode()).isEqualTo(403);
        assertThat(post("/logout", cookie, "https://evil.example", "csrf=" + token).statusCode()).isEqualTo(403);
        assertThat(post("/login", "", "https://evil.example", "email=owner%40example.com&password=x").statusCode())
                .isEqualTo(403);
        HttpResponse<String> stillSignedIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/conversations")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stillSignedIn.statusCode()).as("nothing was done").isEqualTo(200);
    }

    @Test
    @Order(15)
    void anotherOrganizationsCall_isNotFound_likeACallOfNobody() throws Exception {
        ZeltoProcess cli = ZeltoProcess.start(dataDir, "orgs.log", env, "orgs", "create", "--name", "Other team");
        assertThat(cli.awaitExit()).as(cli::output).isZero();
        Matcher key = Pattern.compile("zk_[A-Za-z0-9_-]{32,}").matcher(cli.output());
        assertThat(key.find()).as(cli::output).isTrue();
        upload(key.group(), """
                {"call": {"externalId": "theirs"}, "agent": {"externalId": "their-bot"},
                 "transcript": {"turns": [{"role": "user", "text": "a refund please"}]}}""");
        String theirs = awaitListed(key.group(), "theirs").get("id").asText();
        String theirAgent = awaitListed(key.group(), "theirs").get("agent").get("id").asText();
        for (String path : new String[] {"/conversations/" + theirs, "/conversations/" + java.util.UUID.randomUUID(),
                "/conversations/not-an-id", "/conversations/" + theirs + "/recording", "/agents/" + theirAgent,
                "/agents/" + java.util.UUID.randomUUID(), "/agents/not-an-id"}) {
            browser.open(path);
            assertThat(browser.find("h1").getText()).as(path).isEqualTo("Not found");
        }
        browser.open("/conversations?q=refund");
        assertThat(browser.all(".call-row")).as("search stays in the organization").hasSize(1);
        browser.open("/agents");
        assertThat(browser.find("tbody").getText()).doesNotContain("their-bot");
        browser.open("/deliveries");
        assertThat(browser.all("tbody tr")).noneMatch(row -> row.getText().contains("theirs"));
        browser.open(agentPath);
        assertThat(browser.find("h1").getText()).isEqualTo("Support bot");
        browser.assertAccessible("the not-found page");
    }

    @Test
    @Order(16)
    void anAgent_isCreatedAndEdited_inTheConsole() {
        browser.open("/agents");
        browser.find("a[href='/agents/new']").click();
        browser.await(d -> browser.path().equals("/agents/new"));
        browser.assertAccessible("the new agent form");
        browser.screenshots("agent-new");
        browser.find("#agent-name").sendKeys("Front desk voice");
        browser.find("input[name=architecture][value=realtime]").click();
        browser.find("#agent-worker").sendKeys("has spaces");
        browser.find("form.agent-form button[type=submit]").click();
        browser.await(d -> !browser.all(".field-error").isEmpty());
        assertThat(browser.find("#agent-worker-error").getText()).contains("LiveKit worker registered with");
        assertThat(browser.find("#agent-name").getAttribute("value")).as("what was typed stays")
                .isEqualTo("Front desk voice");
        browser.assertAccessible("the agent form with an error");

        browser.find("#agent-worker").clear();
        browser.find("#agent-worker").sendKeys("front-desk");
        browser.find("#agent-prompt").sendKeys("Greet callers warmly.");
        browser.find("form.agent-form button[type=submit]").click();
        browser.await(d -> browser.path().matches("/agents/[0-9a-f-]{36}\\?saved=1"));
        voiceAgentPath = browser.path().substring(0, browser.path().indexOf('?'));
        assertThat(browser.find(".call-sub .chip").getText()).isEqualToIgnoringCase("realtime");
        assertThat(browser.find("#voice-heading").findElement(By.xpath("..")).getText()).contains("front-desk");
        browser.assertAccessible("a voice agent");
        browser.screenshots("agent-voice");

        browser.find("a[href='" + voiceAgentPath + "/edit']").click();
        browser.await(d -> browser.path().endsWith("/edit"));
        browser.find("#agent-name").clear();
        browser.find("#agent-name").sendKeys("Front desk");
        browser.find("form.agent-form button[type=submit]").click();
        browser.await(d -> browser.path().endsWith("?saved=1"));
        assertThat(browser.find("h1").getText()).isEqualTo("Front desk");
    }

    @Test
    @Order(17)
    void talkToAgent_opensTheLiveKitConnectionWithTheSessionsToken_andHangingUpEndsIt() {
        browser.open(voiceAgentPath);
        browser.find("a[href^='/voice/talk']").click();
        browser.await(d -> browser.path().startsWith("/voice/talk"));
        browser.assertAccessible("the talk page");
        browser.screenshots("talk-ready");
        liveKit.clear();
        browser.script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        browser.find("[data-call]").click();
        try {
            browser.await(d -> !liveKit.rtcAttempts().isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no /rtc attempt; the page says: " + browser.find("[data-status]").getText()
                    + " / " + browser.script("return document.querySelector('[data-error]').textContent")
                    + " / LivekitClient: " + browser.script("return typeof window.LivekitClient")
                    + " / CSP: " + browser.script("return JSON.stringify(window.__csp)").toString().substring(0, 80)
                    + " / header: " + browser.script("var x = new XMLHttpRequest(); x.open('GET', location.href, false);"
                    + " x.send(); return x.getAllResponseHeaders();"), e);
        }
        String attempt = liveKit.rtcAttempts().get(0);
        assertThat(attempt).startsWith("/rtc").contains("access_token=");
        String token = attempt.replaceAll(".*access_token=([^&]+).*", "$1");
        DecodedJWT jwt = JWT.decode(token);
        FakeLiveKitServer.Request create = liveKit.requests("CreateRoom").get(0);
        String room = ((livekit.LivekitRoom.CreateRoomRequest) create.body()).getName();
        assertThat(jwt.getClaim("video").asMap()).containsEntry("room", room).containsEntry("roomJoin", true);
        assertThat(room).startsWith("agent_" + voiceAgentPath.substring("/agents/".length()) + "_");
        browser.await(d -> browser.find("[data-status]").getText().startsWith("Connecting"));
        browser.save("talk-connecting-light-wide"); // no reload: that would leave the call

        browser.find("[data-hangup]").click();
        browser.await(d -> browser.find("[data-status]").getText().startsWith("Ended"));
        assertThat(liveKit.rooms()).as("hanging up deleted the room").doesNotContain(room);
        browser.open("/voice");
        assertThat(browser.find("table.calls tbody tr").getAttribute("textContent")).contains("Front desk", "ended");
        browser.assertAccessible("voice sessions");
        browser.screenshots("voice-sessions");
        browser.find("table.calls tbody tr a.row-link").click();
        browser.await(d -> browser.path().equals("/voice/" + room));
        assertThat(browser.find(".facts").getText()).contains("arrives when the agent's worker forwards the room");
        browser.assertAccessible("a voice session");
        browser.screenshots("voice-session");
    }

    @Test
    @Order(18)
    void phoneChannels_areSetUpOnTheirCards_andAVoiceAgentCallsANumber_thenHangsUp() {
        browser.open("/settings/integrations");
        assertThat(browser.find("#twilio").getAttribute("textContent")).contains("A call comes in");
        browser.find("#twilio-accountSid").sendKeys(TWILIO_ACCOUNT);
        browser.find("#twilio-authToken").sendKeys("console-twilio-token");
        browser.find("#twilio-phoneNumber").sendKeys("+15557654321");
        new org.openqa.selenium.support.ui.Select(browser.find("#twilio-inboundAgentId"))
                .selectByValue(voiceAgentPath.substring("/agents/".length()));
        browser.find("#twilio form.settings-form button[type=submit]").click();
        browser.await(d -> browser.path().startsWith("/settings/integrations?saved=twilio"));
        browser.find("form[action='/settings/integrations/twilio/hook'] button").click();
        browser.await(d -> browser.path().startsWith("/settings/integrations?rotated=twilio"));
        String hook = browser.find("#hook-twilio").getAttribute("textContent");
        assertThat(hook).startsWith("http://localhost:" + port + "/webhooks/twilio/zh_");
        assertThat(browser.find("#twilio .steps").getAttribute("textContent")).contains(hook);
        browser.find("form[action='/settings/integrations/whatsapp/hook'] button").click();
        browser.await(d -> browser.path().startsWith("/settings/integrations?rotated=whatsapp"));
        String verifyToken = browser.find("#hook-whatsapp-verifyToken").getAttribute("textContent");
        assertThat(verifyToken).startsWith("zv_");
        assertThat(browser.find("#whatsapp .steps").getAttribute("textContent")).contains(verifyToken)
                .contains("/webhooks/whatsapp/zh_");
        browser.assertAccessible("the phone integrations");
        browser.open("/settings/integrations#twilio");
        browser.save("integrations-twilio-light-wide");

        browser.open(voiceAgentPath);
        browser.find("a[href^='/calls/new']").click();
        browser.await(d -> browser.path().startsWith("/calls/new"));
        browser.assertAccessible("the call form");
        browser.find("#call-to").sendKeys("call me maybe");
        browser.find("form.agent-form button[type=submit]").click();
        browser.await(d -> !browser.all(".alert.error").isEmpty());
        assertThat(browser.find(".alert.error").getText()).contains("country code");
        browser.find("#call-to").clear();
        browser.find("#call-to").sendKeys("+1 555 123 4567");
        browser.find("form.agent-form button[type=submit]").click();
        browser.await(d -> browser.path().matches("/calls/[0-9a-f-]{36}"));
        String callPath = browser.path();
        assertThat(twilio.created()).hasSize(1);
        assertThat(twilio.created().get(0).first("To")).isEqualTo("+15551234567");
        assertThat(browser.find("h1").getText()).contains("+15551234567");
        assertThat(browser.find(".call-sub .status").getAttribute("textContent")).isEqualTo("dialing");
        browser.assertAccessible("a phone call");
        browser.screenshots("phone-call");

        browser.script("window.confirm = () => true;");
        browser.find("form[action='" + callPath + "/hangup'] button").click();
        browser.await(d -> "ended".equals(browser.find(".call-sub .status").getAttribute("textContent")));
        assertThat(twilio.updates().get(0).first("Status")).isEqualTo("canceled");
        browser.open("/calls");
        assertThat(browser.find("table.calls tbody tr").getAttribute("textContent")).contains("+15551234567",
                "Front desk", "Twilio", "ended");
        browser.assertAccessible("phone calls");
        browser.screenshots("phone-calls");
        new org.openqa.selenium.support.ui.Select(browser.find("#f-direction")).selectByValue("inbound");
        browser.await(d -> browser.path().contains("direction=inbound"));
        assertThat(browser.find(".empty h2").getText()).isEqualTo("No calls match these filters");
    }

    @Test
    @Order(19)
    void theMcpCard_configuresAClient_thatListsZeltosTools_andSearchesCalls() throws Exception {
        browser.open("/settings/integrations#mcp");
        String url = browser.find("#mcp-url").getText();
        assertThat(url).isEqualTo("http://localhost:" + port + "/mcp");
        assertThat(browser.find("#mcp-claude-code").getText())
                .startsWith("claude mcp add --transport http zelto " + url + " \\\n");
        browser.save("integrations-mcp-light-wide");
        browser.find("#key-mcp").clear();
        browser.find("#key-mcp").sendKeys("mcp-from-card");
        browser.find("#key-mcp").submit();
        String key = browser.await(d -> browser.find("#new-key")).getText();
        browser.open("/settings/integrations#mcp");
        // Claude Code's line, run by a shell with a stand-in claude that prints the arguments it was given.
        String line = (String) browser.script("return document.getElementById('mcp-claude-code').textContent");
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", "claude() { printf '%s\\n' \"$@\"; }\n" + line)
                .redirectErrorStream(true);
        shell.environment().put("ZELTO_API_KEY", key);
        Process claude = shell.start();
        String arguments = new String(claude.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claude.waitFor()).isZero();
        assertThat(arguments.split("\n")).containsExactly("mcp", "add", "--transport", "http", "zelto", url,
                "--header", "Authorization: Bearer " + key);
        for (String config : new String[] {"cursor", "vscode"}) {
            JsonNode parsed = TestServer.JSON.readTree((String) browser.script(
                    "return document.getElementById('mcp-" + config + "').textContent"));
            JsonNode server = parsed.get(config.equals("cursor") ? "mcpServers" : "servers").get("zelto");
            assertThat(server.get("url").asText()).isEqualTo(url);
            String authorization = server.get("headers").get("Authorization").asText()
                    .replace("${env:ZELTO_API_KEY}", key).replace("${input:zelto-api-key}", key);
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder(url.substring(0, url.length() - "/mcp".length())).endpoint("/mcp")
                    .jsonMapper(new JacksonMcpJsonMapper(TestServer.JSON))
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", authorization)).build();
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                    .clientInfo(new McpSchema.Implementation(config, "1")).build()) {
                client.initialize();
                assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                        .contains("search_conversations", "get_conversation");
                // "Which calls mentioned a refund last week, and which version handled them?" (the week of the
                // upload, given as a window so the test does not depend on today's date)
                McpSchema.CallToolResult found = client.callTool(new McpSchema.CallToolRequest(
                        "search_conversations", Map.of("q", "refund", "from", "2026-11-24T00:00:00Z",
                                "to", "2026-12-01T00:00:00Z")));
                assertThat(found.isError()).isFalse();
                JsonNode rows = TestServer.JSON.valueToTree(found.structuredContent()).get("conversations");
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).get("version").asText()).isEqualTo("v3");
                assertThat(rows.get(0).get("agent").get("name").asText()).isEqualTo("Support bot");
                assertThat(rows.get(0).get("match").get("url").asText()).endsWith("/conversations/" + callId
                        + "#turn-2");
            }
        }
    }

    @Test
    @Order(20)
    void theReference_rendersTheDocument_andItsPlaygroundSendsARealUpload_withAPastedKey() throws Exception {
        String key = createKey("reference-playground");

        browser.open("/reference");
        browser.await(d -> browser.all("#operations-Ingestion-uploadCall").size() == 1);
        assertThat(browser.all(".opblock").size()).as("operations rendered").isGreaterThan(30);
        assertThat(browser.all("#reference .topbar")).as("no Swagger top bar").isEmpty();
        browser.screenshots("reference");
        browser.assertAccessible("the API reference");

        browser.find("#reference .btn.authorize").click();
        WebElement bearer = browser.await(d -> browser.all(".auth-container").stream()
                .filter(box -> box.getText().contains("bearer")).findFirst().orElse(null));
        bearer.findElement(org.openqa.selenium.By.cssSelector("input")).sendKeys(key);
        bearer.findElement(org.openqa.selenium.By.cssSelector("button.authorize")).click();
        browser.find(".modal-ux .btn-done").click();

        WebElement upload = browser.find("#operations-Ingestion-uploadCall");
        upload.findElement(org.openqa.selenium.By.cssSelector(".opblock-summary-control")).click();
        browser.await(d -> upload.findElements(org.openqa.selenium.By.cssSelector(".try-out__btn")).size() == 1);
        upload.findElement(org.openqa.selenium.By.cssSelector(".try-out__btn")).click();
        WebElement body = browser.await(d -> upload.findElement(org.openqa.selenium.By.cssSelector(
                "textarea.body-param__text")));
        body.clear();
        body.sendKeys("{\"call\": {\"externalId\": \"from-the-reference\"}, \"agent\": {\"externalId\": "
                + "\"support-bot\"}, \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"Sent from the "
                + "playground.\"}]}}");
        browser.save("reference-try-light-wide");
        upload.findElement(org.openqa.selenium.By.cssSelector("button.execute")).click();
        WebElement status = browser.await(d -> upload.findElement(org.openqa.selenium.By.cssSelector(
                ".live-responses-table .response .response-col_status")));
        assertThat(status.getText()).startsWith("200");
        assertThat(upload.findElement(org.openqa.selenium.By.cssSelector(".live-responses-table .microlight"))
                .getText()).contains("\"received\": true");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", status);
        browser.save("reference-sent-light-wide");
        String id = awaitListed("from-the-reference").get("id").asText();
        JsonNode stored = TestServer.JSON.readTree(ZeltoProcess.get(port, key, "/v1/conversations/" + id).body());
        assertThat(stored.get("transcript").get("turns").get(0).get("text").asText())
                .isEqualTo("Sent from the playground.");
        // The key was typed into this page only: leaving it forgets it.
        browser.open("/reference");
        browser.await(d -> browser.all("#operations-Ingestion-uploadCall").size() == 1);
        assertThat((String) browser.script("return JSON.stringify(window.localStorage) + JSON.stringify("
                + "window.sessionStorage) + document.cookie")).doesNotContain(key);
    }

    @Test
    @Order(21)
    void aTextAgent_isChattedWith_theReplyStreamsIn_aModelFailureIsShown_andTheEndedChatIsAConversation()
            throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/agents"))
                .header("Authorization", "Bearer " + TestServer.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Order helper\", \"architecture\": \"text\","
                        + " \"systemPrompt\": \"You help with orders.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String agent = TestServer.JSON.readTree(created.body()).get("id").asText();
        browser.open("/agents/" + agent);
        assertThat(browser.find("#chat-heading").isDisplayed()).isTrue();
        browser.save("agent-text-light-wide");
        browser.find("[data-chat-start]").click();
        browser.await(d -> browser.path().startsWith("/chat/"));
        String chatPath = browser.path();
        browser.screenshots("chat-new");

        chatModel.pace(Duration.ofMillis(400));
        browser.find("#chat-text").sendKeys("Where is my order 427?");
        browser.find("[data-send]").click();
        String full = "Echo: Where is my order 427?";
        String partial = browser.await(d -> {
            List<WebElement> replies = browser.all(".chat-log .turn-assistant .turn-text");
            String shown = replies.isEmpty() ? "" : replies.get(0).getText();
            return shown.isEmpty() || shown.equals(full) ? null : shown;
        });
        assertThat(full).as("part of the reply was on the page before the rest").startsWith(partial);
        browser.await(d -> browser.all(".chat-log .turn-assistant time").size() == 1);
        assertThat(browser.find(".chat-log .turn-assistant .turn-text").getText()).isEqualTo(full);
        assertThat(chatModel.requests().get(chatModel.requests().size() - 1).get("messages").get(0).get("content")
                .asText()).isEqualTo("You help with orders.");
        browser.assertAccessible("a chat");
        browser.save("chat-light-wide");

        chatModel.pace(Duration.ZERO).mode(FakeChatModelServer.Mode.FAIL_500);
        browser.find("#chat-text").sendKeys("Are you there?");
        browser.find("[data-send]").click();
        WebElement error = browser.await(d -> browser.find("[data-error]").isDisplayed() ? browser.find("[data-error]")
                : null);
        assertThat(error.getText()).contains("no reply").contains("kept");
        browser.save("chat-model-failed-light-wide");
        chatModel.mode(FakeChatModelServer.Mode.REPLY);
        browser.open(chatPath);
        assertThat(browser.all(".chat-log .turn-text")).extracting(WebElement::getText)
                .containsExactly("Where is my order 427?", full, "Are you there?");
        browser.screenshots("chat");

        browser.find("[data-end]").click();
        browser.await(d -> browser.all("[data-ended]").size() == 1);
        String conversation = browser.await(d -> {
            browser.open(chatPath);
            List<WebElement> links = browser.all("[data-ended] a[href^='/conversations/']");
            return links.isEmpty() ? null : links.get(0).getAttribute("href");
        });
        browser.save("chat-ended-light-wide");
        browser.driver.get(conversation);
        assertThat(browser.all(".transcript-panel .turn-text")).extracting(WebElement::getText)
                .containsExactly("Where is my order 427?", full, "Are you there?");
        browser.open("/conversations");
        assertThat(browser.driver.getPageSource()).contains("Order helper");
    }

    @Test
    @Order(22)
    void signingOut_endsTheSession() {
        browser.open("/conversations");
        signOut();
        browser.open("/conversations/" + callId);
        assertThat(browser.path()).startsWith("/login?next=");
    }

    /** Creates a key on Settings → API keys and reads it off the page, the one time it is shown. */
    private String createKey(String name) {
        browser.open("/settings/keys");
        browser.find("#key-name").sendKeys(name);
        browser.find("form.inline-form button[type=submit]").click();
        return browser.await(d -> browser.find("#new-key")).getText();
    }

    /** Signs out and waits for the sign-in page: a navigation started before it lands would be overtaken by it. */
    private void signOut() {
        browser.find(".signout button").click();
        browser.await(d -> browser.path().startsWith("/login"));
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void upload(String key, String body) throws Exception {
        HttpResponse<String> response = ZeltoProcess.post(port, key, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode awaitListed(String externalId) throws Exception {
        return awaitListed(TestServer.KEY, externalId);
    }

    private JsonNode awaitListed(String key, String externalId) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            JsonNode page = TestServer.JSON.readTree(ZeltoProcess.get(port, key, "/v1/conversations?externalId="
                    + externalId).body());
            if (page.get("data").size() == 1) {
                return page.get("data").get(0);
            }
            assertThat(System.nanoTime()).as("listed in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> post(String path, String cookie, String origin, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
