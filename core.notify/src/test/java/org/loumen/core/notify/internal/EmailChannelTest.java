package org.loumen.core.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.loumen.notify.Message;

class EmailChannelTest {

    private static EmailChannel.Config config(String host, int port, String user, String password, String from) {
        return new EmailChannel.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EmailChannel.Config.class;
            }

            @Override
            public String loumen_notify_channel() {
                return "email";
            }

            @Override
            public String host() {
                return host;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public boolean starttlsRequired() {
                return true;
            }

            @Override
            public String tlsTrust() {
                return "";
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String _password() {
                return password;
            }

            @Override
            public String from() {
                return from;
            }

            @Override
            public String fromName() {
                return "楼门栋长平台";
            }

            @Override
            public String kinds() {
                return "report.";
            }

            @Override
            public int timeoutSeconds() {
                return 10;
            }
        };
    }

    @Test
    void aGoodConfigurationIsReadyAndRequiresStartTls() {
        EmailChannel.Settings s = EmailChannel.read(config("smtp.example.cn", 587, "u", "pw", "noreply@example.cn"));
        assertNull(s.problem());
        assertEquals("true", EmailChannel.properties(s).get("mail.smtp.starttls.required"));
        assertEquals("true", EmailChannel.properties(s).get("mail.smtp.auth"));
        assertFalse(EmailChannel.properties(s).containsValue("pw"), "the password is not a session property");
    }

    @Test
    void badSettingsAreNamed() {
        String p = EmailChannel.read(config("bad host!", 0, "", "pw", "nobody")).problem();
        assertTrue(p.contains("host") && p.contains("port") && p.contains("from") && p.contains("password"), p);
    }

    @Test
    void thePasswordIsBlankedFromErrorsAlsoInBase64() {
        EmailChannel.Settings s = EmailChannel.read(config("smtp.example.cn", 587, "u", "S3cret!", "a@example.cn"));
        String b64 = Base64.getEncoder().encodeToString("S3cret!".getBytes(StandardCharsets.UTF_8));
        String out = EmailChannel.redact("535 bad S3cret! " + b64, s);
        assertFalse(out.contains("S3cret!") || out.contains(b64), out);
    }

    @Test
    void theTextIsChineseFirstWithTheLink() {
        String t = EmailChannel.text(new Message("k", "report.major", "120112103001", "重大问题上报 / Major", "正文 / body",
                "http://x/#/reports/1", "a@example.cn", Instant.now()));
        assertTrue(t.startsWith("正文") && t.indexOf("查看") < t.indexOf("Open") && t.contains("#/reports/1"), t);
    }
}
