package io.weir.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An HTTPS connector from a PEM certificate (chain) and a PEM PKCS#8 private key, as
 * {@code openssl req -x509 -newkey rsa:2048 -nodes} writes them. Javalin 7 has no SSL plugin, so
 * this is plain Jetty 12: an in-memory key store behind an {@link SslContextFactory.Server}.
 */
final class PemTls {
  private static final Pattern KEY = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);

  private PemTls() {}

  static Connector connector(Server server, HttpConfiguration http, Path cert, Path key, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    char[] password = java.util.UUID.randomUUID().toString().toCharArray(); // the key store lives in memory only
    ssl.setKeyStore(keyStore(cert, key, password));
    ssl.setKeyStorePassword(new String(password));
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Clients commonly reach a development gateway by IP: do not insist the name matches.
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
        new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  static KeyStore keyStore(Path certFile, Path keyFile, char[] password) {
    try {
      Certificate[] chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile))).toArray(new Certificate[0]);
      if (chain.length == 0) {
        throw new IllegalArgumentException("No certificate in " + certFile + "; expected a PEM file with"
            + " -----BEGIN CERTIFICATE-----");
      }
      String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
      Matcher m = KEY.matcher(pem);
      if (!m.find()) {
        throw new IllegalArgumentException("No PKCS#8 private key in " + keyFile + "; expected -----BEGIN PRIVATE KEY-----"
            + " (convert others with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem)");
      }
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      PrivateKey privateKey = privateKey(der, chain[0].getPublicKey().getAlgorithm());
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("weir", privateKey, password, chain);
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot load TLS certificate " + certFile + " and key " + keyFile + ": "
          + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(byte[] der, String algorithm) throws GeneralSecurityException {
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
