package org.loumen.core.model;

/**
 * What residents see of a leader in the public directory (公示): name, role and place, work ID, and a masked phone
 * number ({@code 138****1234}). Nothing else.
 */
public record PublicLeader(String name, String role, String building, String unit, String workId, String phone) {

    /** {@code 13812341234} → {@code 138****1234}; anything shorter than 7 characters is fully masked. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
