namespace Actors.Api.Identity;

/// <summary>Body of <c>POST /dev/token</c>.</summary>
public sealed record DevTokenRequest(string? Role, string? Subject, string? CenterId, string? Governorate, string? NationalIdNumber = null);
