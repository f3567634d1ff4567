package org.loumen.core.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.notify.Message;

class DeliveryTest {

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheLongest() {
        assertEquals(30_000, DeliveryWorker.backoffMillis(1, 30, 3600));
        assertEquals(60_000, DeliveryWorker.backoffMillis(2, 30, 3600));
        assertEquals(240_000, DeliveryWorker.backoffMillis(4, 30, 3600));
        assertEquals(3_600_000, DeliveryWorker.backoffMillis(20, 30, 3600));
    }

    @Test
    void dingTalkSignsTimestampAndSecret() throws Exception {
        // Base64(HmacSHA256("SECabc", "1700000000000\nSECabc")), computed independently with Python's hmac
        assertEquals("jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=", WebhookChannel.sign("SECabc", 1700000000000L));
        URI signed = WebhookChannel.signed(URI.create("https://oapi.dingtalk.com/robot/send?access_token=t"), "SECabc",
                1700000000000L);
        assertTrue(signed.toString().startsWith("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp="
                + "1700000000000&sign=jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D"), signed.toString());
        assertFalse(signed.toString().contains("SECabc"), "the secret never travels");
    }

    @Test
    void robotsGetMarkdownChineseFirstWithTheLink() {
        Message m = new Message("k", "report.major", "120112103001", "重大问题上报 / Major", "正文 / text",
                "http://x/#/reports/1", null, Instant.EPOCH);
        Map<String, Object> ding = WebhookChannel.payload(WebhookChannel.Format.DINGTALK, m);
        assertEquals("markdown", ding.get("msgtype"));
        String text = (String) ((Map<?, ?>) ding.get("markdown")).get("text");
        assertTrue(text.startsWith("### 重大问题上报") && text.contains("(http://x/#/reports/1)"), text);
        Map<String, Object> wecom = WebhookChannel.payload(WebhookChannel.Format.WECOM, m);
        assertTrue(((Map<?, ?>) wecom.get("markdown")).containsKey("content"));
        assertEquals("k", WebhookChannel.payload(WebhookChannel.Format.JSON, m).get("idempotencyKey"));
    }
}
