using Microsoft.Data.Sqlite;

namespace Npa.Monitor.Storage;

/// <summary>Opens SQLite files the way every store here wants them: private (0600 in a 0700 folder), WAL, fsync on commit.</summary>
internal static class SqliteFiles
{
    public static SqliteConnection OpenPrivate(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("stored files need POSIX modes (0600/0700); NpaMonitor runs on Linux");
        string full = Path.GetFullPath(path);
        PrivateFiles.EnsureDirectory(Path.GetDirectoryName(full)!);
        if (!File.Exists(full))
        {
            // Create the file ourselves so that SQLite's -wal and -shm files inherit 0600 from it.
            using (new FileStream(full, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
            }
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
