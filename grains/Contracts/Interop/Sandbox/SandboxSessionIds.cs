using System.Security.Cryptography;

namespace Actors.Contracts.Interop.Sandbox;

/// <summary>
/// A hosted page's session id carries its order id (so the page finds the order's grain) and a random token (so
/// knowing an order id is not enough to open its page): <c>cs_{32 hex}_{order id}</c>.
/// </summary>
public static class SandboxSessionIds
{
    private const string Prefix = "cs_";
    private const int TokenLength = 32;

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TokenLength / 2));

    public static string Of(string orderId, string token) => $"{Prefix}{token}_{orderId}";

    public static bool TryParse(string? sessionId, out string orderId, out string token)
    {
        orderId = token = "";
        if (sessionId is null
            || sessionId.Length <= Prefix.Length + TokenLength + 1
            || !sessionId.StartsWith(Prefix, StringComparison.Ordinal)
            || sessionId[Prefix.Length + TokenLength] != '_')
        {
            return false;
        }

        token = sessionId.Substring(Prefix.Length, TokenLength);
        orderId = sessionId[(Prefix.Length + TokenLength + 1)..];
        return token.All(char.IsAsciiHexDigitLower);
    }
}
