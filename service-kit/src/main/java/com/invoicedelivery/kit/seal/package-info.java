/**
 * Sealing short secrets for exactly one service: a JWE (RFC 7516, compact form) with RSA-OAEP-256 key wrapping and
 * A256GCM content encryption, made by Nimbus JOSE+JWT, to the receiving service's RSA public key. Whoever reads a
 * sealed value on the bus, in a dead-letter topic or in a producer's outbox learns nothing from it; only the holder
 * of the private key opens it. A content key seals many values (bounded in count and time) and the opener keeps
 * those it unwrapped, so the RSA private-key operation is paid once per content key, not once per value. Plain
 * Java (no Spring), so domain code may hold a {@link Sealer} or an {@link Opener} behind its own interfaces.
 */
package com.invoicedelivery.kit.seal;
