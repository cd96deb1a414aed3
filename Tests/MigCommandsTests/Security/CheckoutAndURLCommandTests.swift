import Foundation
import Testing

/// Issue 10 #13 and #10 through the binary: a CRLF checkout of an applied revision
/// is not an edit, and a URL that does not parse never echoes its password.
@Suite struct CheckoutAndURLCommandTests {
    @Test func crlfCheckoutOfAnAppliedRevisionIsNotAnEdit() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let lf = Mig.revision("a", parent: nil, message: "rows", upgrade: """
              create table t {
                id int primary key
              }
              sql \"\"\"
                INSERT INTO t VALUES (1);
                INSERT INTO t VALUES (2);
              \"\"\"
            """, downgrade: "  drop table t")
        try p.write("a.mig", lf)
        #expect(try p.migc("upgrade", "head").status == 0)
        try p.write("a.mig", lf.replacingOccurrences(of: "\n", with: "\r\n"))
        try p.write("b.mig", Mig.revision("b", parent: "a", message: "next", upgrade: "  add column t.x int"))
        let up = try p.migc("upgrade", "head")
        #expect(up.status == 0, "\(up.stderr)")
        #expect(try p.versionRows() == ["b"])
        #expect(try p.rows("SELECT count(*) FROM t") == ["2"])
    }

    @Test func unparseableURLNeverEchoesThePassword() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        for url in ["postgres://alice:hunter/2xyz@db.example/app", "postgres://alice:hun?ter2xyz@db.example/app"] {
            let r = try p.migc("current", "--database", url)
            #expect(r.status == 2, "\(r.stderr)")
            for piece in ["hunter", "2xyz", "hun?", "ter2"] {
                #expect(!r.stderr.contains(piece) && !r.stdout.contains(piece), "\(r.stderr)")
            }
        }
        let r = try p.migc("current", "--database", "postgres://alice@127.0.0.1:1/app?sslpassword=hunter2xyz&connect_timeout=1")
        #expect(!r.stderr.contains("hunter2xyz") && !r.stdout.contains("hunter2xyz"), "\(r.stderr)")
    }
}
