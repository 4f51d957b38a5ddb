using System.Security.Cryptography;
using Actors.Contracts.Naming;

namespace Actors.Grains.Documents;

/// <summary>Verification codes: 15 random Crockford base-32 characters (75 bits), grouped for reading aloud.</summary>
public static class DocumentCodes
{
    public static string New()
    {
        Span<char> chars = stackalloc char[15];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Crockford.Alphabet[RandomNumberGenerator.GetInt32(Crockford.Alphabet.Length)];
        }

        return $"{chars[..5]}-{chars[5..10]}-{chars[10..]}";
    }
}
