import Foundation
import Testing

/// Issue 10 #1 through the binary: `upgrade` and `build` refuse a quoted type that
/// is more than one type (E080), and the sentinel column keeps its row.
@Suite struct TypeInjectionCommandTests {
    @Test func upgradeRefusesAnInjectedTypeAndTheSentinelSurvives() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("r0.mig", Mig.revision("r0", parent: nil, message: "sentinel", upgrade: """
              create table sentinel {
                id int primary key
                secret text
              }
              sql "INSERT INTO sentinel (id, secret) VALUES (1, 'keep me')"
            """, downgrade: "  drop table sentinel"))
        #expect(try p.migc("upgrade", "head").status == 0)
        try p.write("r1.mig", Mig.revision("r1", parent: "r0", message: "inject", upgrade: """
              add column sentinel.x "int, DROP COLUMN secret"
              create table other {
                a "int, injected_col text"
              }
            """))
        let up = try p.migc("upgrade", "head")
        #expect(up.status == 1, "\(up.stderr)")
        #expect(up.stderr.contains("[E080]") && up.stderr.contains("r1.mig:6:"), "\(up.stderr)")
        let build = try p.migc("build", "--from", "r0")
        #expect(build.status == 1 && build.stdout.isEmpty, "\(build.stdout)")
        #expect(try p.rows("SELECT secret FROM sentinel") == ["keep me"])
        #expect(try p.versionRows() == ["r0"])
    }
}
