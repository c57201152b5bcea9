using System.Text.RegularExpressions;
using Helpdesk.Core.Common;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Mail.Outbound;

/// <summary>Writes each mail as "&lt;message-id&gt;.eml" (atomically); the same Message-ID overwrites, so a resend never duplicates.</summary>
public sealed partial class PickupFolderTransport(DataFolder dataFolder, IOptions<OutboundMailOptions> options) : IMailTransport, IMailBatch
{
    public string Folder => Path.GetFullPath(options.Value.PickupFolder, dataFolder.Path);

    public Task<IMailBatch> OpenAsync(CancellationToken ct) => Task.FromResult<IMailBatch>(this);

    public async Task SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, Unsafe().Replace(message.MessageId ?? Guid.NewGuid().ToString("N"), "_") + ".eml");
        var temp = target + ".tmp";
        await using (var file = File.Create(temp))
            await message.WriteToAsync(MimeComposer.WireFormat, file, ct);
        File.Move(temp, target, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"[^A-Za-z0-9@._-]", RegexOptions.CultureInvariant)]
    private static partial Regex Unsafe();
}
