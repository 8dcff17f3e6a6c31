using Prognos.Learning.Forecasting;
using Xunit;

namespace Prognos.Learning.Tests.Forecasting;

public sealed class ForecasterCatalogTests
{
    [Theory]
    [InlineData("naive", "naive")]
    [InlineData("snaive", "snaive")]
    [InlineData("drift", "drift")]
    [InlineData("mean", "mean")]
    [InlineData("ets", "ets")]
    [InlineData("theta", "theta")]
    [InlineData("otheta", "otheta")]
    [InlineData("ssm-local-level", "ssm-local-level")]
    [InlineData("ssm-llt", "ssm-llt")]
    [InlineData("ssm", "ssm-llt")]
    [InlineData("croston", "croston")]
    [InlineData("tsb", "tsb")]
    [InlineData("ensemble", "ensemble")]
    public void Maps_cli_names(string name, string expected) => Assert.Equal(expected, ForecasterCatalog.Create(name).Name);

    [Fact]
    public void Unknown_name_lists_the_valid_ones()
    {
        var error = Assert.Throws<ForecastingException>(() => ForecasterCatalog.Create("prophet"));
        Assert.Contains("'prophet'", error.Message);
        Assert.Contains("ets", error.Message);
        Assert.Contains("ssm-llt", error.Message);
    }
}
