package io.millflow.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenClientPkceTest {

  @Test
  void codeChallengeMatchesRfc7636AppendixB() {
    assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        TokenClient.codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }

  @Test
  void codeVerifierIsUnpaddedBase64UrlOfAllowedLength() {
    String verifier = TokenClient.newCodeVerifier();
    // RFC 7636 4.1: 43..128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"
    assertTrue(verifier.matches("[A-Za-z0-9\\-._~]{43,128}"), verifier);
    assertNotEquals(verifier, TokenClient.newCodeVerifier());
    String challenge = TokenClient.codeChallenge(verifier);
    assertEquals(43, challenge.length());
    assertTrue(challenge.matches("[A-Za-z0-9_-]+"), challenge);
  }
}
