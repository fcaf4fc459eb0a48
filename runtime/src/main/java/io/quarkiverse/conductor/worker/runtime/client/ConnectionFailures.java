package io.quarkiverse.conductor.worker.runtime.client;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import io.quarkus.tls.TlsConfiguration;

/**
 * Recognizes, among the causes of a failed request, a connection that could not be made as configured, and says what is
 * wrong and what to set. A failed TLS handshake: a server certificate the trust store does not vouch for, one issued for
 * another host name, a client certificate the server requires or refuses, a server that does not speak TLS (the JDK
 * tells these apart only in nested exceptions and alert names, which an operator should not have to decode). A proxy
 * that wants other credentials ({@code 407}).
 */
final class ConnectionFailures {

    static final String PROPERTY = "quarkus.conductor.tls-configuration-name";

    /** The alerts a server sends when it wants a client certificate, or does not accept the one it got. */
    private static final Set<String> CLIENT_CERTIFICATE_ALERTS = Set.of("bad_certificate", "certificate_required",
            "unknown_ca", "certificate_unknown", "certificate_expired", "certificate_revoked", "unsupported_certificate",
            "access_denied");

    private static final String ALERT = "Received fatal alert: ";

    private ConnectionFailures() {
    }

    /** What a request refused by the proxy for want of credentials fails with. */
    static final String PROXY_REFUSED = "the proxy refused the request for want of credentials (407 Proxy Authentication"
            + " Required): set the username and password of the proxy configuration named by"
            + " quarkus.conductor.proxy-configuration-name, quarkus.proxy.\"<name>\".username and .password";

    /**
     * @param tls the TLS configuration the client uses, if any
     * @return the failure as a {@link RequestFailure.Kind#TLS} failure that names the certificate problem and the
     *         property to set, or as a {@link RequestFailure.Kind#PROXY} failure; empty when it is neither
     */
    static Optional<RequestFailure> sort(Throwable failure, Optional<TlsConfiguration> tls) {
        // an HTTPS request's CONNECT refused by the proxy; a plain HTTP request gets the 407 as its answer
        if (find(failure, cause -> cause.getClass().getSimpleName().equals("HttpProxyConnectException")
                && String.valueOf(cause.getMessage()).contains("status: 407")) != null) {
            return Optional.of(new RequestFailure(RequestFailure.Kind.PROXY, 407, PROXY_REFUSED, failure));
        }
        return describe(failure, tls).map(detail -> new RequestFailure(RequestFailure.Kind.TLS, 0, detail, failure));
    }

    static Optional<String> describe(Throwable failure, Optional<TlsConfiguration> tls) {
        Throwable expired = find(failure,
                cause -> cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException);
        if (expired != null) {
            return Optional.of("TLS handshake failed: the server's certificate has expired or is not valid yet ("
                    + message(expired) + "); it must be renewed on the server, unless the clock of this machine is wrong");
        }
        Throwable untrusted = find(failure,
                cause -> cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException);
        if (untrusted != null) {
            return Optional.of("TLS handshake failed: the server's certificate is not trusted ("
                    + message(innermost(untrusted)) + "). " + trustFix(tls));
        }
        Throwable otherName = find(failure,
                cause -> cause instanceof CertificateException && isHostNameMismatch(cause.getMessage()));
        if (otherName != null) {
            return Optional.of("TLS handshake failed: the server's certificate is issued for another host name ("
                    + message(otherName) + "). Use a host name the certificate holds in quarkus.conductor.server-url;"
                    + " hostname verification is what makes a certificate mean anything, keep it on");
        }
        Throwable refused = find(failure, cause -> cause.getMessage() != null && cause.getMessage().contains(ALERT)
                && CLIENT_CERTIFICATE_ALERTS.contains(alert(cause.getMessage())));
        if (refused != null) {
            return Optional.of("TLS handshake failed: the server requires a client certificate, or refused the one it"
                    + " got (" + message(refused) + "). " + clientCertificateFix(tls));
        }
        Throwable notTls = find(failure, ConnectionFailures::isNotTls);
        if (notTls != null) {
            return Optional.of("TLS handshake failed: the server does not speak TLS on this port (" + message(notTls)
                    + "). If it serves plain HTTP, use an http:// URL in quarkus.conductor.server-url; else use the port"
                    + " of its HTTPS listener");
        }
        Throwable ssl = find(failure, cause -> cause instanceof SSLException);
        if (ssl != null) {
            return Optional.of("TLS handshake failed (" + message(innermost(ssl)) + "). Check that the protocols and"
                    + " cipher suites of " + describe(tls) + " include some the server accepts");
        }
        return Optional.empty();
    }

    /** The innermost cause that passes {@code test}: wrappers repeat its message with their own class name before it. */
    private static Throwable find(Throwable failure, Predicate<Throwable> test) {
        Throwable found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                found = cause;
            }
        }
        return found;
    }

    private static boolean isHostNameMismatch(String message) {
        // sun.security.util.HostnameChecker's words: the only sign of a mismatch the JDK gives
        return message != null && (message.startsWith("No subject alternative") || message.startsWith("No name matching"));
    }

    private static boolean isNotTls(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getName().equals("io.netty.handler.ssl.NotSslRecordException")
                || message != null && message.contains("Unsupported or unrecognized SSL message");
    }

    private static String alert(String message) {
        String alert = message.substring(message.indexOf(ALERT) + ALERT.length()).trim();
        int end = 0;
        while (end < alert.length() && (Character.isLetterOrDigit(alert.charAt(end)) || alert.charAt(end) == '_')) {
            end++;
        }
        return alert.substring(0, end);
    }

    private static String trustFix(Optional<TlsConfiguration> tls) {
        Optional<String> name = configuredName(tls);
        if (name.isPresent()) {
            return "The TLS configuration '" + name.get() + "' (" + PROPERTY + ") does not trust it: add the CA that"
                    + " signed it to its trust store, quarkus.tls.\"" + name.get() + "\".trust-store.*";
        }
        if (isDefault(tls) && hasStores(tls.get())) {
            return "The default TLS configuration (quarkus.tls.trust-store.*) does not trust it: add the CA that signed"
                    + " it there, or name another TLS configuration with " + PROPERTY;
        }
        return "The JVM's default trust store is used. If a private CA signed it, name a TLS configuration that trusts"
                + " the CA with " + PROPERTY + ", for instance " + PROPERTY + "=conductor and"
                + " quarkus.tls.conductor.trust-store.pem.certs=conductor-ca.crt";
    }

    private static String clientCertificateFix(Optional<TlsConfiguration> tls) {
        if (tls.isPresent() && tls.get().getKeyStoreOptions() != null) {
            return "The client certificate of " + describe(tls) + " must be valid and signed by a CA the server"
                    + " trusts";
        }
        String name = configuredName(tls).orElse("conductor");
        return "No client certificate is sent: add a key store to the TLS configuration named by " + PROPERTY
                + ", for instance quarkus.tls.\"" + name + "\".key-store.pem.worker.cert=worker.crt and"
                + " quarkus.tls.\"" + name + "\".key-store.pem.worker.key=worker.key";
    }

    /** What the client uses, as an operator would name it. */
    static String describe(Optional<TlsConfiguration> tls) {
        Optional<String> name = configuredName(tls);
        if (name.isPresent()) {
            return "the TLS configuration '" + name.get() + "' (" + PROPERTY + ")";
        }
        if (isDefault(tls) && hasStores(tls.get())) {
            return "the default TLS configuration (quarkus.tls.*)";
        }
        return "the JVM's default TLS settings";
    }

    /** The name set with the property: neither the registry's default nor the JVM's own configuration. */
    private static Optional<String> configuredName(Optional<TlsConfiguration> tls) {
        return tls.map(TlsConfiguration::getName)
                .filter(name -> !name.equals("<default>") && !name.equals("javax.net.ssl") && !name.equals("unset"));
    }

    private static boolean isDefault(Optional<TlsConfiguration> tls) {
        return tls.isPresent() && "<default>".equals(tls.get().getName());
    }

    /** Whether a configuration sets anything: the registry always has a default one, empty unless quarkus.tls.* is set. */
    private static boolean hasStores(TlsConfiguration tls) {
        return tls.getTrustStoreOptions() != null || tls.getKeyStoreOptions() != null || tls.isTrustAll();
    }

    private static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getCause().getMessage() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String message(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
