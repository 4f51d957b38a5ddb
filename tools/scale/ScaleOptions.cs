using System.Globalization;

namespace Actors.Scale;

/// <summary>The command line: <c>[--steps 1,3,5,2] [--seconds-per-step S] [--clients N] [--rolling-restart] [--kill] [--keep-logs]</c>.</summary>
public sealed record ScaleOptions(IReadOnlyList<int> Steps, int SecondsPerStep, int Clients, bool RollingRestart, bool Kill, bool KeepLogs)
{
    public const string Usage =
        "dotnet run -c Release --project tools/scale -- [--steps 1,3,5,2] [--seconds-per-step 20] [--clients 16] [--rolling-restart] [--kill] [--keep-logs]";

    public static ScaleOptions Parse(string[] args)
    {
        var options = new ScaleOptions([1, 3, 5, 2], 20, 16, false, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--steps" => options with { Steps = Value().Split(',').Select(Positive).ToList() },
                "--seconds-per-step" => options with { SecondsPerStep = Positive(Value()) },
                "--clients" => options with { Clients = Positive(Value()) },
                "--rolling-restart" => options with { RollingRestart = true },
                "--kill" => options with { Kill = true },
                "--keep-logs" => options with { KeepLogs = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{text} is not a positive number.\n{Usage}");
}
