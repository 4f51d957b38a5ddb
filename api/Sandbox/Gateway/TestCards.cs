using Actors.Contracts.Interop.Sandbox;

namespace Actors.Api.Sandbox.Gateway;

/// <summary>
/// The sandbox's documented test cards (docs/sandboxes.md, "Payment gateway"). The hosted page reads the number here
/// and passes on only what the card does and its last four digits: no full number goes further, to a grain or a log.
/// </summary>
public static class TestCards
{
    private static readonly Dictionary<string, SandboxCard> Cards = new(StringComparer.Ordinal)
    {
        ["4242424242424242"] = SandboxCard.Approved,
        ["4000000000000002"] = SandboxCard.DeclinedDoNotHonor,
        ["4000000000009995"] = SandboxCard.DeclinedInsufficientFunds,
        ["4000000000003220"] = SandboxCard.ChallengeRequired,
        ["4000000000000119"] = SandboxCard.BankTimeout,
    };

    /// <summary>What a well-formed number does; any other valid number is not a test card (declined).</summary>
    public static SandboxCard Classify(string digits) => Cards.GetValueOrDefault(digits, SandboxCard.NotATestCard);

    /// <summary>12 to 19 digits passing the Luhn check, as every card number does.</summary>
    public static bool IsWellFormed(string digits)
    {
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
