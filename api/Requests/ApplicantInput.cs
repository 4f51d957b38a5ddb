namespace Actors.Api.Requests;

public sealed class ApplicantInput
{
    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public string? GivenNameLatin { get; set; }

    public string? FamilyNameLatin { get; set; }

    public DateOnly BirthDate { get; set; }

    public string? BirthPlace { get; set; }

    public string? NationalIdNumber { get; set; }
}
