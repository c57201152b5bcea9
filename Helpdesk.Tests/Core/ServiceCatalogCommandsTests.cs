using Helpdesk.Core.Common;
using Helpdesk.Core.ServiceCatalog;
using Helpdesk.Tests.TestSupport;

namespace Helpdesk.Tests.Core;

public sealed class ServiceCatalogCommandsTests
{
    [Fact]
    public async Task SaveConfigurationItemAsync_DuplicateLabelOrMissingService_Refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var catalog = host.Get<ServiceCatalogCommands>();
        var service = await catalog.SaveServiceInstanceAsync(new ServiceInstanceInput(null, "Website", null, null));
        await catalog.SaveConfigurationItemAsync(new ConfigurationItemInput(null, "WEB-01", null, "SCCM", "1", service));

        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => catalog.SaveConfigurationItemAsync(new ConfigurationItemInput(null, "web-01", null, null, null, null)));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => catalog.SaveConfigurationItemAsync(new ConfigurationItemInput(null, "WEB-02", null, null, null, 999)));

        Assert.Equal("A configuration item labelled web-01 already exists.", duplicate.Errors["label"]);
        Assert.Equal("The service instance does not exist.", missing.Errors["serviceInstance"]);
        Assert.Single((await catalog.ViewAsync()).ConfigurationItems);
    }
}
