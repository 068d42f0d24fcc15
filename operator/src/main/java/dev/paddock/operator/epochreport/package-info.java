/**
 * The report endpoint of the trainer contract, shared by the operator and the local runner: a
 * trainer POSTs {@code {"trial": "ns/name", "epoch": 12, "metrics": {...}}} to {@code
 * PADDOCK_REPORT_URL} with {@code Authorization: Bearer $PADDOCK_REPORT_TOKEN} and is answered
 * {@code {"decision": "continue"|"stop", "reason": "..."}}. A token is an HMAC of the trial's name
 * and UID, so a pod can report for its own Trial object only, and the endpoint keeps no token
 * table; a trial that has ended is answered 410 Gone.
 */
package dev.paddock.operator.epochreport;
