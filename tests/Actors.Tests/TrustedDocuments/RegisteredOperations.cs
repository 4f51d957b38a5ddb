using Actors.Api.TrustedDocuments;

namespace Actors.Tests.TrustedDocuments;

/// <summary>The hashes of the checked-in operations, read the way the API reads them.</summary>
internal static class RegisteredOperations
{
    private static readonly TrustedOperationRegistry Registry = TrustedOperationRegistry.FromAssembly();

    public static string HashOf(string name) =>
        Registry.Operations.Single(operation => operation.Name == name).Hash;
}
