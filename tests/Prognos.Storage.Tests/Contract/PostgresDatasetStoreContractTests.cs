namespace Prognos.Storage.Tests.Contract;

public sealed class PostgresDatasetStoreContractTests() : DatasetStoreContractTests(new PostgresWorkspaceFactory());
