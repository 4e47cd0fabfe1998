# cmake/deps.sh — sourced by serve.sh and tests/run.sh: installs what the build needs from
# Debian's packages, and fetches Dear ImGui's source from Debian's source package.
#   need_packages PKG...   installs the missing ones (as root), or prints the command and fails
#   fetch_imgui            unpacks imgui into build/_deps/imgui (verified by apt's checksums)

need_packages() {
  local need=() pkg
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
  ((${#need[@]})) || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${need[*]}"
    echo "run as root: apt-get update && apt-get install -y ${need[*]}"
    return 1
  fi
  echo "== installing ${need[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
}

# The Debian mirror this machine already uses (no host name is written into the project).
debian_mirror() {
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) {print $i; exit}}' /etc/apt/sources.list)
  fi
  echo "$uri"
}

# Dear ImGui 1.90.1 from Debian trixie's source package: Debian's libimgui-dev has no sources
# for the WASM build. apt verifies the download against the signed source index.
fetch_imgui() {
  local root=$PWD/build/_deps
  [ -f "$root/imgui/imgui.cpp" ] && return 0
  need_packages dpkg-dev xz-utils || return 1
  local mirror; mirror=$(debian_mirror)
  [ -n "$mirror" ] || { echo "cannot find the Debian mirror in the apt configuration"; return 1; }
  mkdir -p "$root/apt/lists/partial" "$root/src"
  echo "deb-src $mirror trixie main" >"$root/apt/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$root/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
              -o "Dir::State::Lists=$root/apt/lists")
  echo "== fetching Dear ImGui's source package"
  apt-get "${opts[@]}" update -q >/dev/null
  (cd "$root/src" && apt-get "${opts[@]}" source --download-only imgui >/dev/null)
  local tarball; tarball=$(ls "$root"/src/imgui_*.orig.tar.* | head -1)
  [ -n "$tarball" ] || { echo "imgui source download failed"; return 1; }
  rm -rf "$root/imgui.tmp" && mkdir -p "$root/imgui.tmp"
  tar -xf "$tarball" -C "$root/imgui.tmp" --strip-components=1
  mv "$root/imgui.tmp" "$root/imgui"
  echo "== Dear ImGui $(grep -m1 'define IMGUI_VERSION ' "$root/imgui/imgui.h" | awk '{print $3}') in build/_deps/imgui"
}
