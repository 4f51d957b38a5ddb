using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Actors.Tests.Telemetry;

/// <summary>k8s/monitoring/alerts.yaml read as Prometheus reads a rules file: groups of rules, each an alert with an expression.</summary>
public sealed partial class AlertRules
{
    private static readonly HashSet<string> PromQLWords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan",
    };

    public static string FilePath => Path.Combine(RepositoryRoot.Path, "k8s", "monitoring", "alerts.yaml");

    public IReadOnlyList<AlertRule> Rules { get; }

    private AlertRules(IReadOnlyList<AlertRule> rules) => Rules = rules;

    public static AlertRules Load()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(FilePath))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var rules = new List<AlertRule>();
        foreach (var group in ((YamlSequenceNode)root["groups"]).Children.Cast<YamlMappingNode>())
        {
            Assert.False(string.IsNullOrWhiteSpace(Scalar(group, "name")), "a group without a name");
            foreach (var rule in ((YamlSequenceNode)group["rules"]).Children.Cast<YamlMappingNode>())
            {
                var labels = (YamlMappingNode)rule["labels"];
                var annotations = (YamlMappingNode)rule["annotations"];
                rules.Add(new AlertRule(
                    Scalar(rule, "alert"), Scalar(rule, "expr"), Scalar(rule, "for"),
                    Scalar(labels, "severity"), Scalar(annotations, "summary"), Scalar(annotations, "runbook")));
            }
        }

        return new AlertRules(rules);
    }

    /// <summary>The metric names an expression selects: identifiers that are not functions, keywords, labels or ranges.</summary>
    public static IReadOnlySet<string> MetricNames(string expr)
    {
        var text = QuotedString().Replace(expr, "\"\"");
        text = Matchers().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        return Identifier().Matches(text).Select(m => m.Groups[1].Value).Where(name => !PromQLWords.Contains(name)).ToHashSet(StringComparer.Ordinal);
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : "";

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()")]
    private static partial Regex Identifier();
}
