namespace Actors.Tests.SignedDocuments;

/// <summary>tools/verify as a third party runs it: the built program in a process of its own.</summary>
public static class VerifyTool
{
    public static string Dll => BuiltProgram.Dll(Path.Combine("tools", "verify"), "Actors.Verify");

    public static Task<(int ExitCode, string Output, string Errors)> Run(IEnumerable<string> arguments, string? input = null) =>
        BuiltProgram.RunAsync(Dll, arguments, TimeSpan.FromSeconds(60), input: input);
}
