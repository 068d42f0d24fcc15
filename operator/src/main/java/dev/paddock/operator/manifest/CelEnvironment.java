package dev.paddock.operator.manifest;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL environment of CRD validation rules: {@code self} and {@code oldSelf}, the standard
 * library and macros, the strings and sets extensions, and the Kubernetes regex library ({@code
 * find}, {@code findAll}). Values are dynamically typed; {@link CelValues} types them by the schema
 * as the server does. Compiled expressions are cached.
 */
final class CelEnvironment {

  static final String SELF = "self";
  static final String OLD_SELF = "oldSelf";

  private static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  private final CelCompiler compiler =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setOptions(OPTIONS)
          .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
          .addVar(SELF, SimpleType.DYN)
          .addVar(OLD_SELF, SimpleType.DYN)
          .addFunctionDeclarations(regexDeclarations())
          .addLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS))
          .build();

  private final CelRuntime runtime =
      CelRuntimeFactory.standardCelRuntimeBuilder()
          .setOptions(OPTIONS)
          .addFunctionBindings(regexBindings())
          .addLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS))
          .build();

  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  /** An expression compiled for evaluation, or the reason it does not compile. */
  record Compiled(CelRuntime.Program program, boolean usesOldSelf, String error) {}

  /** Compiles {@code expression} (once; later calls reuse the result). */
  Compiled compile(String expression) {
    return cache.computeIfAbsent(expression, this::doCompile);
  }

  private Compiled doCompile(String expression) {
    try {
      CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
      return new Compiled(runtime.createProgram(ast), usesOldSelf(ast), null);
    } catch (CelValidationException | CelEvaluationException e) {
      return new Compiled(null, false, e.getMessage());
    }
  }

  private static boolean usesOldSelf(CelAbstractSyntaxTree ast) {
    return CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .map(node -> node.expr())
        .anyMatch(
            expr ->
                expr.getKind() == CelExpr.ExprKind.Kind.IDENT
                    && OLD_SELF.equals(expr.ident().name()));
  }

  private static List<CelFunctionDecl> regexDeclarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "find",
            CelOverloadDecl.newMemberOverload(
                "string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "findAll",
            CelOverloadDecl.newMemberOverload(
                "string_find_all_string",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING),
            CelOverloadDecl.newMemberOverload(
                "string_find_all_string_int",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)));
  }

  private static List<CelFunctionBinding> regexBindings() {
    return List.of(
        CelFunctionBinding.from(
            "string_find_string",
            String.class,
            String.class,
            (text, regex) -> {
              Matcher matcher = regex(regex).matcher(text);
              return matcher.find() ? matcher.group() : "";
            }),
        CelFunctionBinding.from(
            "string_find_all_string",
            String.class,
            String.class,
            (text, regex) -> findAll(text, regex, -1)),
        CelFunctionBinding.from(
            "string_find_all_string_int",
            List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
  }

  /** Go's {@code Regexp.FindAllString}: empty matches right after a match are skipped. */
  private static List<String> findAll(String text, String regex, long limit)
      throws CelEvaluationException {
    Matcher matcher = regex(regex).matcher(text);
    List<String> matches = new ArrayList<>();
    int previousEnd = -1;
    while ((limit < 0 || matches.size() < limit) && matcher.find()) {
      if (matcher.start() == matcher.end() && matcher.start() == previousEnd) {
        continue;
      }
      matches.add(matcher.group());
      previousEnd = matcher.end();
    }
    return matches;
  }

  private static Pattern regex(String regex) throws CelEvaluationException {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new CelEvaluationException("Illegal regex: " + e.getMessage());
    }
  }
}
