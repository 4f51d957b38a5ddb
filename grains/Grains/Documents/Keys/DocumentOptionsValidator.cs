using Microsoft.Extensions.Options;

namespace Actors.Grains.Documents.Keys;

/// <summary>
/// Stops a host at start when its document settings cannot sign or key holders: no signing key or holder key secret
/// where none may be generated (a cluster outside Development: silos on several machines would each make their own),
/// or one that cannot be read.
/// </summary>
/// <param name="mayGenerateKey">True in the embedded mode and in Development.</param>
public sealed class DocumentOptionsValidator(bool mayGenerateKey) : IValidateOptions<DocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{DocumentOptions.Section}:Issuer is empty.");
        }

        if (options.Validity <= TimeSpan.Zero)
        {
            failures.Add($"{DocumentOptions.Section}:Validity must be positive (e.g. 90.00:00:00).");
        }

        if (options.SigningKeys.Count == 0 && !mayGenerateKey)
        {
            failures.Add(
                $"No document signing key is configured: set {DocumentOptions.Section}:SigningKeys:0:PrivateKeyPem (or :PrivateKeyFile) " +
                $"and {DocumentOptions.Section}:SigningKeys:0:SignsFrom. A key is generated only in the embedded mode or in Development.");
        }

        if (string.IsNullOrWhiteSpace(options.HolderKeySecret))
        {
            if (!mayGenerateKey)
            {
                // Each silo would otherwise make its own, and one holder would have a key per silo: two valid documents.
                failures.Add(
                    $"No holder key secret is configured: set {DocumentHolderKeys.SecretSetting} (environment Documents__HolderKeySecret) to base64 " +
                    $"of at least {Contracts.Documents.DocumentHolders.MinimumSecretBytes} random bytes, the same on every silo. A secret is generated " +
                    "only in the embedded mode or in Development.");
            }
        }
        else
        {
            try
            {
                DocumentHolderKeys.Parse(options.HolderKeySecret, DocumentHolderKeys.SecretSetting);
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e.Message);
            }
        }

        if (options.SigningKeys.Count > 0 && failures.Count == 0)
        {
            try
            {
                using var ring = DocumentKeyRingProvider.Build(options);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                failures.Add(e.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
