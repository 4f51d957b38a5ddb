namespace Actors.Contracts.Naming;

/// <summary>Crockford's base-32 alphabet (no I, L, O, U): codes people read aloud and type back.</summary>
public static class Crockford
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}
