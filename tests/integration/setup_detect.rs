//! tests/setup.sh decides what a fresh machine must install. Its detection
//! functions (tests/setup-lib.sh) run here against made-up directory trees,
//! so a look-alike library (libclang-cpp.so.14, shipped by the base image)
//! can never again pass for the libclang that bindgen loads.

use std::fs;
use std::path::Path;
use std::process::Command;

fn touch(root: &Path, rel: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, b"").unwrap();
}

/// Runs one function of tests/setup-lib.sh on `root`; returns (success, stdout).
fn run(func: &str, root: &Path) -> (bool, String) {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/setup-lib.sh");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && {func} \"$1\"", lib.display()))
        .arg("bash")
        .arg(root)
        .env_remove("LIBCLANG_PATH")
        .output()
        .expect("bash runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
    )
}

#[test]
fn libclang_cpp_alone_is_not_libclang() {
    let dir = tempfile::tempdir().unwrap();
    touch(dir.path(), "usr/lib/llvm-14/lib/libclang-cpp.so.14");
    touch(dir.path(), "usr/lib/x86_64-linux-gnu/libclang-cpp.so.14");
    let (ok, found) = run("trame_find_libclang", dir.path());
    assert!(!ok, "libclang-cpp was taken for libclang: {found}");
    assert!(!run("trame_have_bindgen_deps", dir.path()).0);
}

#[test]
fn libclang_so_1_with_headers_is_enough() {
    let dir = tempfile::tempdir().unwrap();
    touch(dir.path(), "usr/lib/llvm-14/lib/libclang-cpp.so.14");
    touch(dir.path(), "usr/lib/llvm-14/lib/libclang.so.1");
    touch(dir.path(), "usr/lib/llvm-14/lib/clang/14.0.6/include/stddef.h");
    let (ok, found) = run("trame_find_libclang", dir.path());
    assert!(ok);
    assert!(found.ends_with("usr/lib/llvm-14/lib/libclang.so.1"), "{found}");
    let (ok, headers) = run("trame_find_clang_headers", dir.path());
    assert!(ok && headers.ends_with("clang/14.0.6/include"), "{headers}");
    assert!(run("trame_have_bindgen_deps", dir.path()).0);
}

#[test]
fn versioned_libclang_in_multiarch_dir_counts() {
    let dir = tempfile::tempdir().unwrap();
    touch(dir.path(), "usr/lib/x86_64-linux-gnu/libclang-16.so.16.0.6");
    let (ok, found) = run("trame_find_libclang", dir.path());
    assert!(ok && found.ends_with("libclang-16.so.16.0.6"), "{found}");
}

#[test]
fn library_without_headers_is_not_enough() {
    let dir = tempfile::tempdir().unwrap();
    touch(dir.path(), "usr/lib/llvm-14/lib/libclang.so.1");
    assert!(run("trame_find_libclang", dir.path()).0);
    assert!(!run("trame_find_clang_headers", dir.path()).0);
    assert!(!run("trame_have_bindgen_deps", dir.path()).0);
}

#[test]
fn empty_tree_has_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert!(!run("trame_find_libclang", dir.path()).0);
    assert!(!run("trame_find_clang_headers", dir.path()).0);
}

/// Runs `trame_check_disk DIR NEED`; returns (success, stderr).
fn check_disk(dir: &Path, need: u64) -> (bool, String) {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/setup-lib.sh");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && trame_check_disk \"$1\" \"$2\"", lib.display()))
        .arg("bash")
        .arg(dir)
        .arg(need.to_string())
        .output()
        .expect("bash runs");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).to_string())
}

#[test]
fn disk_check_passes_when_room_and_names_the_folder_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, err) = check_disk(dir.path(), 0);
    assert!(ok, "0 GiB needed yet refused: {err}");
    assert!(err.is_empty(), "said something when all is well: {err}");
    // No disk has a million TiB free.
    let (ok, err) = check_disk(dir.path(), 1 << 30);
    assert!(!ok, "a billion GiB were found free");
    assert!(
        err.contains(&dir.path().display().to_string()) && err.contains("GiB free"),
        "the refusal does not say where and how much: {err}"
    );
    assert!(err.contains("TRAME_MIN_FREE_GIB"), "no way out given: {err}");
}
