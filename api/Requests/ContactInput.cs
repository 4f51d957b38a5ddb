namespace Actors.Api.Requests;

public sealed class ContactInput
{
    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? PreferredLanguage { get; set; }
}
