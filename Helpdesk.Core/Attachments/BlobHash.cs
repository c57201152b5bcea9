namespace Helpdesk.Core.Attachments;

/// <summary>The key of stored content: its SHA-256 as 64 lower-case hex digits.</summary>
public static class BlobHash
{
    public static bool IsValid(string sha256) => sha256.Length == 64 && sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string Checked(string sha256) =>
        IsValid(sha256) ? sha256 : throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
}
