#!/bin/sh
# Writes target/interleave, the command line from a checkout: runs Interleave on the JDK 25 the
# build found (the toolchain's; exec-maven-plugin passes its home in TOOLCHAIN_JAVA_HOME), with
# pom.xml's interleave.jvmOptions and the module path exec:exec uses, and exits with Interleave's
# exit code. A command (a first argument that is a word: calls, buffer, ...) also gets
# COMMAND_LINE_OPTIONS (pom.xml's interleave.commandLineJvmOptions: the command line's collector).
# The build runs this at every `compile` (pom.xml, profile unix-launcher).
#   launcher.sh OUT JVM_OPTIONS MODULE_PATH [COMMAND_LINE_OPTIONS]
set -euf
out=$1 options=$2 modulepath=$3 commandoptions=${4:-}
java_home=${TOOLCHAIN_JAVA_HOME:?no JDK toolchain was selected}
[ -x "$java_home/bin/java" ] || { echo "launcher.sh: no java in $java_home" >&2; exit 1; }
# One shell word, single-quoted: ' becomes '\''.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
{
  echo '#!/bin/sh'
  echo '# Interleave from this checkout, written by the build (src/build/launcher.sh) at every compile.'
  echo '# Exit codes: 0 the check passed, 1 it did not (or the run stopped or failed), 2 a bad argument.'
  # exec JAVA OPTIONS... --module-path MP --module dev.interleave/dev.interleave.Main "$@"
  line() {
    printf 'exec %s' "$(quote "$java_home/bin/java")"
    for option in "$@"; do printf ' %s' "$(quote "$option")"; done
    printf ' --module-path %s --module dev.interleave/dev.interleave.Main "$@"\n' "$(quote "$modulepath")"
  }
  if [ -n "$commandoptions" ]; then
    echo '# A command (calls, buffer, ...) runs with the command line'"'"'s options too.'
    printf 'case "$1" in [!-]*)\n  '
    line $options $commandoptions
    printf '  ;;\nesac\n'
  fi
  line $options
} > "$out.tmp"
chmod +x "$out.tmp"
mv "$out.tmp" "$out"
