using System.Diagnostics;
using Actors.Tests.Transport;

namespace Actors.Tests.Documents;

/// <summary>
/// poppler-utils, an independent PDF reader: page count and size (pdfinfo), text (pdftotext), pixels (pdftoppm).
/// A developer without it gets a skip saying what to install; CI installs it (.ci/run), so there it fails instead.
/// </summary>
internal static class Poppler
{
    public static void Require() =>
        ConformancePrerequisites.Require(
            !File.Exists("/usr/bin/pdftoppm") && !OnPath("pdftoppm"),
            "pdftoppm is not installed (apt-get install -y poppler-utils).");

    public static async Task<string> Info(string pdf) => await Run("pdfinfo", pdf);

    public static async Task<string> Text(string pdf) => await Run("pdftotext", "-layout", pdf, "-");

    /// <summary>Rasterizes the first page at <paramref name="dpi"/>; returns the PNG's path.</summary>
    public static async Task<string> Png(string pdf, int dpi)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf) + "-" + dpi);
        await Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", "-singlefile", pdf, prefix);
        return prefix + ".png";
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));

    private static async Task<string> Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        return await output;
    }
}
