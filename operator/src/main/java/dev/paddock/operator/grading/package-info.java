/**
 * Letter grades and trial codes.
 *
 * <h2>Grades</h2>
 *
 * {@link dev.paddock.operator.grading.Grader}: thresholds mode gives the best grade whose threshold
 * the value reaches, honouring the objective's direction (for {@code minimize}, lower is better and
 * thresholds ascend from S to D); a value exactly on a threshold earns it; below D is F. Percentile
 * mode ranks a trial in the study so far: with p the share of finished trials strictly better, S
 * when p &lt; 1%, A &lt; 10%, B &lt; 25%, C &lt; 50%, D &lt; 75%, else F (ties share the better
 * grade; the study's best is S).
 *
 * <h2>Trial codes</h2>
 *
 * A template such as {@code MLP-{grade}-N{hidden}B{batch_size}-L{lr}-{date}} renders as {@code
 * MLP-A-N512x3B4K-L2E6-20260214}. Fields: {@code grade}, {@code date} (the finish date passed in,
 * {@code yyyyMMdd}), {@code index}, {@code objective} and parameter names. Values are spelled with
 * letters and digits only ({@link dev.paddock.operator.grading.CodeEncoding}):
 *
 * <table>
 *   <caption>Encodings</caption>
 *   <tr><th>value</th><th>rule</th><th>examples</th></tr>
 *   <tr><td>int</td><td>decimal up to 99999, except multiples of 1024 from 2048 written {@code nK}
 *       and of 1024² from 2·1024² written {@code nM}; from 100000 two significant digits and
 *       {@code X} power of ten; negative: leading {@code n}</td>
 *       <td>1024 → 1024, 4096 → 4K, 3000 → 3000, 123456 → 12X4, -3 → n3</td></tr>
 *   <tr><td>float</td><td>two significant digits. Below 0.01: mantissa {@code E} exponent, meaning
 *       m·10<sup>-e</sup>; in [0.01, 1): the digits after "0."; in [1, 100000): {@code P} for the
 *       point; above: mantissa {@code X} exponent; 0 is {@code 0}; negative: leading {@code n}</td>
 *       <td>2e-6 → 2E6, 3.1e-4 → 31E5, 0.98 → 98, 0.05 → 05, 2.5 → 2P5, 3 → 3P,
 *       2.5e5 → 25X4, -0.214 → n21</td></tr>
 *   <tr><td>text (categorical)</td><td>a list of integers: first element (int rule) {@code x}
 *       depth; a number: as int or float; otherwise its ASCII letters and digits, at most 16
 *       (empty → {@code x})</td>
 *       <td>"512,256,128" → 512x3, "4096,4096" → 4Kx2, "adam_w" → adamw</td></tr>
 * </table>
 *
 * <p>Every code is a valid Kubernetes label value and object-store key segment: letters, digits,
 * '-', '_', '.', starting and ending with a letter or digit, at most 63 characters (longer renders
 * are cut, and then no longer parse back). Template literals are checked to use only those
 * characters. A code is unique within the study: when the rendered code is taken, {@code -<index>}
 * is appended, then {@code -<index>-2}, {@code -3}, ... — deterministic for a given set of taken
 * codes. {@link dev.paddock.operator.grading.TrialCodeParser} reads a code back into its fields
 * (ints exactly, floats to two significant digits, categoricals to the choice whose spelling
 * matches, when only one does).
 */
package dev.paddock.operator.grading;
