package dev.jobsopenapi.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Huawei Cloud access key / secret key pair, with the project ID and, for temporary credentials, the
 * security token that go with it. Where they come from follows the vendor's SDKs
 * ({@code huaweicloud/huaweicloud-sdk-java-v3}, {@code core/.../auth/EnvCredentials.java}): the environment
 * variables {@value #AK_VARIABLE}, {@value #SK_VARIABLE}, {@value #PROJECT_ID_VARIABLE} and
 * {@value #SECURITY_TOKEN_VARIABLE}.
 *
 * <p>No method of this class ever returns or prints the secret key or the security token in a message:
 * {@link #toString()} masks them, and a refused value is named, never quoted.
 */
public final class AkSkCredentials {

    /** The environment variable holding the access key. */
    public static final String AK_VARIABLE = "HUAWEICLOUD_SDK_AK";
    /** The environment variable holding the secret key. */
    public static final String SK_VARIABLE = "HUAWEICLOUD_SDK_SK";
    /** The environment variable holding the project ID (sent as {@code X-Project-Id}). */
    public static final String PROJECT_ID_VARIABLE = "HUAWEICLOUD_SDK_PROJECT_ID";
    /** The environment variable holding the security token of temporary credentials (sent as {@code X-Security-Token}). */
    public static final String SECURITY_TOKEN_VARIABLE = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    private final String accessKey;
    private final String secretKey;
    private final String projectId;
    private final String securityToken;

    private AkSkCredentials(String accessKey, String secretKey, String projectId, String securityToken) {
        this.accessKey = headerSafe("the access key", accessKey);
        this.secretKey = headerSafe("the secret key", secretKey);
        this.projectId = projectId == null ? null : headerSafe("the project ID", projectId);
        this.securityToken = securityToken == null ? null : headerSafe("the security token", securityToken);
    }

    /**
     * An access key and its secret key.
     *
     * @throws IllegalArgumentException when either is empty or holds a control character (the message names
     *                                  which, never its value)
     */
    public static AkSkCredentials of(String accessKey, String secretKey) {
        return new AkSkCredentials(accessKey, secretKey, null, null);
    }

    /** These credentials with the project ID that requests carry in {@code X-Project-Id}. */
    public AkSkCredentials withProjectId(String projectId) {
        return new AkSkCredentials(accessKey, secretKey, Objects.requireNonNull(projectId, "projectId"), securityToken);
    }

    /** These credentials with the security token of temporary credentials, sent in {@code X-Security-Token}. */
    public AkSkCredentials withSecurityToken(String securityToken) {
        return new AkSkCredentials(accessKey, secretKey, projectId, Objects.requireNonNull(securityToken, "securityToken"));
    }

    /**
     * The credentials in this process's environment variables.
     *
     * @throws IllegalStateException naming the variables that are missing (never a value)
     */
    public static AkSkCredentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The credentials in the given variables, as {@link #fromEnvironment()} reads them. */
    public static AkSkCredentials fromEnvironment(Map<String, String> environment) {
        return fromEnvironmentIfSet(environment).orElseThrow(() -> new IllegalStateException(
                "AK/SK credentials need " + AK_VARIABLE + " and " + SK_VARIABLE + " in the environment; missing: "
                        + String.join(", ", missing(environment))));
    }

    /**
     * The credentials in the given variables, or empty when neither {@value #AK_VARIABLE} nor
     * {@value #SK_VARIABLE} is set.
     *
     * @throws IllegalStateException when only one of the two is set, or a value is unusable
     */
    public static Optional<AkSkCredentials> fromEnvironmentIfSet(Map<String, String> environment) {
        List<String> missing = missing(environment);
        if (missing.size() == 2) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("AK/SK credentials need both " + AK_VARIABLE + " and " + SK_VARIABLE
                    + "; missing: " + String.join(", ", missing));
        }
        try {
            AkSkCredentials credentials = of(environment.get(AK_VARIABLE), environment.get(SK_VARIABLE));
            String projectId = environment.get(PROJECT_ID_VARIABLE);
            String token = environment.get(SECURITY_TOKEN_VARIABLE);
            credentials = projectId == null || projectId.isEmpty() ? credentials : credentials.withProjectId(projectId);
            return Optional.of(token == null || token.isEmpty() ? credentials : credentials.withSecurityToken(token));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " (from the environment)", e);
        }
    }

    private static List<String> missing(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        for (String variable : List.of(AK_VARIABLE, SK_VARIABLE)) {
            String value = environment.get(variable);
            if (value == null || value.isEmpty()) {
                missing.add(variable);
            }
        }
        return missing;
    }

    /** The access key (the {@code Access=} of the {@code Authorization} header; not a secret). */
    public String accessKey() {
        return accessKey;
    }

    /** The project ID requests carry in {@code X-Project-Id}, if given. */
    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    /** Whether these are temporary credentials with a security token. */
    public boolean hasSecurityToken() {
        return securityToken != null;
    }

    String secretKey() {
        return secretKey;
    }

    Optional<String> securityToken() {
        return Optional.ofNullable(securityToken);
    }

    /** The access key masked to its first four characters; the secret key and token never appear. */
    @Override
    public String toString() {
        return "AkSkCredentials[accessKey=" + mask(accessKey) + ", secretKey=***"
                + (projectId == null ? "" : ", projectId=" + projectId)
                + (securityToken == null ? "" : ", securityToken=***") + "]";
    }

    static String mask(String accessKey) {
        return accessKey.length() <= 4 ? "***" : accessKey.substring(0, 4) + "***";
    }

    private static String headerSafe(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + " holds a control character (a line end copied with it?)");
            }
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(what + " starts or ends with a space");
        }
        return value;
    }
}
