#!/usr/bin/env bash
# A throwaway, real Elasticsearch server on 127.0.0.1 for the search tests.
#   scripts/elasticsearch.sh start    fetch (once), start, wait for yellow; prints http://127.0.0.1:PORT
#   scripts/elasticsearch.sh stop     stop it and delete its data folder
#   scripts/elasticsearch.sh status   prints the URL and exits 0 when it answers, else exits 1
# Only `start` prints on stdout (the URL, one line); everything else goes to stderr.
#
# Settings (environment):
#   ES_VERSION    Elasticsearch version (default 9.5.4, see below)
#   ES_PORT       HTTP port (default 9201); the transport port is ES_PORT+100
#   ES_CACHE_DIR  where distributions are kept, one folder per version
#                 (default $HOME/.cache/exchange-elasticsearch, so 9.5.4 lives in .../9.5.4)
#   ES_RUN_DIR    the running node's folder: data, logs, config, pid (default ${TMPDIR:-/tmp}/exchange-elasticsearch-$ES_PORT)
#   ES_JAVA_HOME  a JDK to use; otherwise the lowest JDK under /usr/lib/jvm (or $JAVA_HOME, or `java`)
#                 that meets the version's minimum (21 for 9.x, 17 for 8.x) is picked at run time
#   ES_JAVA_OPTS  extra JVM options, appended after -Xms512m -Xmx512m (so -Xmx1g here wins)
#   ES_START_TIMEOUT  seconds to wait for green/yellow (default 120)
#   ES_USER       the user that runs the node when this script runs as root (default exchange-es)
#
# What runs: the "integration-test" distribution that Elasticsearch publishes on Maven Central
# (org.elasticsearch.distribution.integ-test-zip:elasticsearch:VERSION:zip, fetched with mvn), the only
# Elasticsearch build that this network can reach (the usual tar.gz comes from Elastic's own download site).
#
# Version choice (checked 2026-11-28):
#   9.5.4 on Temurin 25 (found under /usr/lib/jvm): the newest integ-test-zip Maven Central serves.
#   Maven Central's metadata for that artifact is sparse and out of date (it lists 8.19.21 as newest), so
#   versions were asked for one by one: 9.6.0, 9.5.6 and 9.5.5 are not served (Could not find artifact);
#   9.5.4, 9.5.0 and 9.0.0 are; 9.1.0-9.4.0 are not. 9.5.4 refuses the default OpenJDK 17 ("The minimum
#   required Java version is 21"), hence the JDK search below; there is no JDK 21+ in Debian 12's packages,
#   so a machine without a Temurin (or other) JDK 21+ cannot run it. 8.19.21 (the newest 8.x listed, needs
#   only Java 17) was not tried: the Python client pinned in requirements.txt is 9.x, which is for 9.x servers.
#
# The integ-test-zip is deliberately minimal: its only modules are transport-netty4, x-pack-core,
# x-pack-security and apm. Missing, among others, is analysis-common, which holds every analyzer beyond
# "standard"/"simple" (so no "english") and the filters Wagtail's backend puts into every index it creates
# (asciifolding, ngram, edge_ngram): creating any Wagtail index fails with "Unknown filter type
# [edge_ngram]". Also missing is rest-root, so
# `GET /` and `HEAD /` (client.info(), client.ping()) answer 405. Elastic publishes neither module on
# Maven Central. So `start` compiles a small plugin ("exchange-analysis", Java source below) against the
# distribution's own jars, with Lucene's analysis classes that the distribution already ships, and
# installs it into the cached copy (it is written against 9.5's plugin API: another ES_VERSION may need
# it adjusted). It answers `GET /` and `HEAD /` with the usual name/cluster_name/version/tagline, and
# registers, under analysis-common's names and settings:
#   analyzers   english (stopwords, stem_exclusion)
#   tokenizers  ngram, edge_ngram (min_gram, max_gram), keyword, whitespace, letter
#   filters     asciifolding (preserve_original), ngram, edge_ngram (min_gram, max_gram, preserve_original),
#               porter_stem, kstem, stemmer (language: english, porter, light_english, minimal_english,
#               possessive_english), snowball (language: English, Porter)
#   char filter html_strip
# Anything else from analysis-common (synonym filters, word_delimiter, shingle, ...) is not there.
set -euo pipefail

ES_VERSION="${ES_VERSION:-9.5.4}"
ES_PORT="${ES_PORT:-9201}"
ES_CACHE_DIR="${ES_CACHE_DIR:-$HOME/.cache/exchange-elasticsearch}"
ES_RUN_DIR="${ES_RUN_DIR:-${TMPDIR:-/tmp}/exchange-elasticsearch-$ES_PORT}"
ES_START_TIMEOUT="${ES_START_TIMEOUT:-120}"
ES_USER="${ES_USER:-exchange-es}"
ES_URL="http://127.0.0.1:$ES_PORT"

VERSION_DIR="$ES_CACHE_DIR/$ES_VERSION"
ES_DIST="$VERSION_DIR/elasticsearch-$ES_VERSION"
PID_FILE="$ES_RUN_DIR/es.pid"

log() { echo "elasticsearch.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# ---------------------------------------------------------------------------------------------- tools

install_tools() {
  local missing=()
  command -v mvn >/dev/null || missing+=(maven)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}; install them (apt-get install ${missing[*]})"
  log "installing ${missing[*]} from Debian's packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
}

min_java() {
  case "${ES_VERSION%%.*}" in
    7) echo 11 ;;
    8) echo 17 ;;
    *) echo 21 ;;
  esac
}

# The feature version (17, 21, 25...) of the JDK in $1, from its `release` file or by asking it.
java_major() {
  local home="$1" v=""
  [ -x "$home/bin/java" ] || return 1
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p')
  fi
  [ -n "$v" ] && echo "$v"
}

# Prints the JDK home to use: ES_JAVA_HOME if set, else the lowest version >= the minimum among
# $JAVA_HOME, /usr/lib/jvm/* and the `java` on PATH. A JDK (with javac) is needed to build the plugin.
find_jdk() {
  local need; need=$(min_java)
  if [ -n "${ES_JAVA_HOME:-}" ]; then
    local v; v=$(java_major "$ES_JAVA_HOME") || die "ES_JAVA_HOME=$ES_JAVA_HOME has no bin/java"
    [ "$v" -ge "$need" ] || die "ES_JAVA_HOME=$ES_JAVA_HOME is Java $v; Elasticsearch $ES_VERSION needs $need+"
    echo "$ES_JAVA_HOME"; return
  fi
  local candidates=() home v best="" best_v=999
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for home in /usr/lib/jvm/*/; do candidates+=("${home%/}"); done
  if command -v java >/dev/null; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/javac" ] || continue
    v=$(java_major "$home") || continue
    if [ "$v" -ge "$need" ] && [ "$v" -lt "$best_v" ]; then best="$home"; best_v="$v"; fi
  done
  [ -n "$best" ] || die "Elasticsearch $ES_VERSION needs a JDK $need or newer (none found in \$JAVA_HOME, /usr/lib/jvm or on PATH; Debian 12 packages only 17): install one, or set ES_JAVA_HOME"
  echo "$best"
}

# ------------------------------------------------------------------------------------ fetch and build

fetch() {
  [ -f "$VERSION_DIR/.ready" ] && return
  mkdir -p "$ES_CACHE_DIR"
  local jdk="$1"
  (
    # One fetch at a time per cache folder.
    exec 9>"$ES_CACHE_DIR/.lock"
    flock 9
    [ -f "$VERSION_DIR/.ready" ] && exit 0
    rm -rf "$VERSION_DIR"
    local tmp="$VERSION_DIR.partial"
    rm -rf "$tmp"; mkdir -p "$tmp"
    log "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip from Maven Central..."
    # A local repository of its own keeps the 130 MB zip out of ~/.m2; it is deleted once unpacked.
    # Maven itself runs on whatever Java it finds (17 is fine), only the server needs the newer one.
    # (Debian's Maven 3.8.7 prints colour codes even with -B; sed strips them.)
    (cd "$tmp" && mvn -q -B dependency:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$tmp" -Dmaven.repo.local="$tmp/m2" 2>&1) | sed 's/\x1b\[[0-9;]*m//g' >&2 \
      || die "mvn could not fetch Elasticsearch $ES_VERSION (is it served on Maven Central?)"
    log "unpacking..."
    unzip -q "$tmp/elasticsearch-$ES_VERSION.zip" -d "$tmp"
    rm -rf "$tmp/m2" "$tmp/elasticsearch-$ES_VERSION.zip"
    build_plugin "$jdk" "$tmp/elasticsearch-$ES_VERSION"
    # The node runs as another user when we are root: everything here must be readable by it.
    chmod -R a+rX "$tmp"
    mv "$tmp" "$VERSION_DIR"
    touch "$VERSION_DIR/.ready"
  )
}

build_plugin() {
  local jdk="$1" dist="$2" src out
  src=$(mktemp -d)
  out="$dist/plugins/exchange-analysis"
  mkdir -p "$src/exchange/analysis" "$src/classes" "$out"
  plugin_source >"$src/exchange/analysis/ExchangeAnalysisPlugin.java"
  log "building the exchange-analysis plugin with $jdk..."
  "$jdk/bin/javac" -nowarn --release "$(min_java)" -cp "$dist/lib/*" -d "$src/classes" \
    "$src/exchange/analysis/ExchangeAnalysisPlugin.java" >&2
  "$jdk/bin/jar" --create --file "$out/exchange-analysis.jar" -C "$src/classes" . >&2
  cat >"$out/plugin-descriptor.properties" <<EOF
description=analysis-common's English, n-gram and folding analysis for the exchange's tests (see scripts/elasticsearch.sh)
version=$ES_VERSION
name=exchange-analysis
classname=exchange.analysis.ExchangeAnalysisPlugin
java.version=$(min_java)
elasticsearch.version=$ES_VERSION
EOF
  rm -rf "$src"
}

plugin_source() {
  cat <<'JAVA'
package exchange.analysis;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerScope;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredCharFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;

/** The parts of the analysis-common and rest-root modules that the integ-test-zip lacks and the exchange uses. */
public class ExchangeAnalysisPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    // rest-root's GET / (client.info()) and HEAD / (client.ping()).
    @Override
    public Collection<RestHandler> getRestHandlers(
        ActionPlugin.RestHandlersServices services, Supplier<DiscoveryNodes> nodes, Predicate<NodeFeature> features
    ) {
        Settings s = services.settings();
        Build build = Build.current();
        String body = String.format(Locale.ROOT,
            "{\"name\":\"%s\",\"cluster_name\":\"%s\",\"cluster_uuid\":\"_na_\",\"version\":{\"number\":\"%s\","
                + "\"build_flavor\":\"%s\",\"build_type\":\"zip\",\"build_hash\":\"%s\",\"build_date\":\"%s\","
                + "\"build_snapshot\":false,\"lucene_version\":\"%s\"},\"tagline\":\"You Know, for Search\"}",
            s.get("node.name", ""), s.get("cluster.name", "elasticsearch"), build.version(), build.flavor(),
            build.hash(), build.date(), org.apache.lucene.util.Version.LATEST);
        return List.of(new BaseRestHandler() {
            public String getName() { return "exchange_root_action"; }
            public List<Route> routes() {
                return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
            }
            protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
                String content = request.method() == RestRequest.Method.HEAD ? "" : body;
                return channel -> channel.sendResponse(new RestResponse(RestStatus.OK, "application/json; charset=UTF-8", content));
            }
        });
    }

    static TokenFilterFactory filter(String name, UnaryOperator<TokenStream> f) {
        return new TokenFilterFactory() {
            public String name() { return name; }
            public TokenStream create(TokenStream in) { return f.apply(in); }
        };
    }

    static TokenizerFactory tokenizer(String name, Supplier<Tokenizer> f) {
        return new TokenizerFactory() {
            public String name() { return name; }
            public Tokenizer create() { return f.get(); }
        };
    }

    static UnaryOperator<TokenStream> stemmer(String language) {
        switch (language.toLowerCase(Locale.ROOT)) {
            case "english": case "porter": return PorterStemFilter::new;
            case "light_english": case "kstem": return KStemFilter::new;
            case "minimal_english": return EnglishMinimalStemFilter::new;
            case "possessive_english": return EnglishPossessiveFilter::new;
            default: throw new IllegalArgumentException("exchange-analysis: unsupported stemmer language [" + language + "]");
        }
    }

    static UnaryOperator<TokenStream> snowball(String language) {
        switch (language.toLowerCase(Locale.ROOT)) {
            case "english": return in -> new SnowballFilter(in, new org.tartarus.snowball.ext.EnglishStemmer());
            case "porter": return in -> new SnowballFilter(in, new org.tartarus.snowball.ext.PorterStemmer());
            default: throw new IllegalArgumentException("exchange-analysis: unsupported snowball language [" + language + "]");
        }
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "asciifolding", (idx, env, name, s) -> {
                boolean keep = s.getAsBoolean("preserve_original", false);
                return filter(name, in -> new ASCIIFoldingFilter(in, keep));
            },
            "ngram", (idx, env, name, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                boolean keep = s.getAsBoolean("preserve_original", false);
                return filter(name, in -> new NGramTokenFilter(in, min, max, keep));
            },
            "edge_ngram", (idx, env, name, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                boolean keep = s.getAsBoolean("preserve_original", false);
                return filter(name, in -> new EdgeNGramTokenFilter(in, min, max, keep));
            },
            "porter_stem", (idx, env, name, s) -> filter(name, PorterStemFilter::new),
            "kstem", (idx, env, name, s) -> filter(name, KStemFilter::new),
            "stemmer", (idx, env, name, s) -> filter(name, stemmer(s.get("language", s.get("name", "porter")))),
            "snowball", (idx, env, name, s) -> filter(name, snowball(s.get("language", "English")))
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "ngram", (idx, env, name, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                return tokenizer(name, () -> new NGramTokenizer(min, max));
            },
            "edge_ngram", (idx, env, name, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                return tokenizer(name, () -> new EdgeNGramTokenizer(min, max));
            },
            "keyword", (idx, env, name, s) -> tokenizer(name, KeywordTokenizer::new),
            "whitespace", (idx, env, name, s) -> tokenizer(name, WhitespaceTokenizer::new),
            "letter", (idx, env, name, s) -> tokenizer(name, LetterTokenizer::new)
        );
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("html_strip", (idx, env, name, s) -> new CharFilterFactory() {
            public String name() { return name; }
            public java.io.Reader create(java.io.Reader in) { return new HTMLStripCharFilter(in); }
        });
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("english", (idx, env, name, s) -> {
            CharArraySet stop = Analysis.parseStopWords(env, s, EnglishAnalyzer.getDefaultStopSet());
            CharArraySet keep = Analysis.parseStemExclusion(s, CharArraySet.EMPTY_SET);
            EnglishAnalyzer analyzer = new EnglishAnalyzer(stop, keep);
            return new AnalyzerProvider<EnglishAnalyzer>() {
                public String name() { return name; }
                public AnalyzerScope scope() { return AnalyzerScope.INDEX; }
                public EnglishAnalyzer get() { return analyzer; }
            };
        });
    }

    // The same components by bare name, without settings, as analysis-common offers them
    // (e.g. "filter": ["asciifolding"], "analyzer": "english" in a mapping, and the _analyze API).
    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(new PreBuiltAnalyzerProviderFactory("english", CachingStrategy.ONE, EnglishAnalyzer::new));
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
            PreConfiguredTokenFilter.singleton("ngram", false, false, in -> new NGramTokenFilter(in, 1, 2, false)),
            PreConfiguredTokenFilter.singleton("edge_ngram", false, false, in -> new EdgeNGramTokenFilter(in, 1, 2, false)),
            PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton("kstem", false, KStemFilter::new),
            PreConfiguredTokenFilter.singleton("snowball", false, snowball("english"))
        );
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
            PreConfiguredTokenizer.singleton("keyword", KeywordTokenizer::new),
            PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new),
            PreConfiguredTokenizer.singleton("letter", LetterTokenizer::new),
            PreConfiguredTokenizer.singleton("ngram", NGramTokenizer::new),
            PreConfiguredTokenizer.singleton("edge_ngram", () -> new EdgeNGramTokenizer(1, 2))
        );
    }

    @Override
    public List<PreConfiguredCharFilter> getPreConfiguredCharFilters() {
        return List.of(PreConfiguredCharFilter.singleton("html_strip", false, HTMLStripCharFilter::new));
    }
}
JAVA
}

# --------------------------------------------------------------------------------------- the node

as_es_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$ES_USER" -- "$@"; else "$@"; fi
}

ensure_user() {
  [ "$(id -u)" = 0 ] || return 0
  id -u "$ES_USER" >/dev/null 2>&1 && return
  log "creating system user $ES_USER (Elasticsearch refuses to run as root)..."
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER"
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid; pid=$(cat "$PID_FILE" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

health() {
  curl -fsS --max-time 2 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null
}

log_tail() {
  local f
  for f in "$ES_RUN_DIR/logs/console.log" "$ES_RUN_DIR/logs/exchange-test.log"; do
    [ -s "$f" ] || continue
    echo "---- last lines of $f" >&2
    tail -n 40 "$f" >&2
  done
}

start() {
  install_tools
  if running_pid >/dev/null; then
    if health | grep -Eq '"status":"(green|yellow)"'; then
      log "already running in $ES_RUN_DIR"
      echo "$ES_URL"; return
    fi
    log "a node of ours is running but not healthy: restarting it"
  fi
  stop_node
  if curl -sS --max-time 2 -o /dev/null "$ES_URL/" 2>/dev/null; then
    die "something else already answers on $ES_URL (set ES_PORT to another port)"
  fi
  local jdk; jdk=$(find_jdk)
  fetch "$jdk"
  ensure_user

  # The run folder: a hard-linked view of the cached distribution (the node's user cannot read root's
  # $HOME, and linking costs nothing), a private config folder (the node writes its keystore there),
  # and data, logs and tmp.
  rm -rf "$ES_RUN_DIR"
  mkdir -p "$ES_RUN_DIR"/{data,logs,tmp}
  cp -al "$ES_DIST" "$ES_RUN_DIR/home" 2>/dev/null || cp -a "$ES_DIST" "$ES_RUN_DIR/home"
  rm -rf "$ES_RUN_DIR/home/config"
  cp -a "$ES_DIST/config" "$ES_RUN_DIR/config"
  if [ "$(id -u)" = 0 ]; then
    chown -R "$ES_USER" "$ES_RUN_DIR/config" "$ES_RUN_DIR/data" "$ES_RUN_DIR/logs" "$ES_RUN_DIR/tmp"
    chown "$ES_USER" "$ES_RUN_DIR"
  fi

  log "starting Elasticsearch $ES_VERSION on $ES_URL (Java $(java_major "$jdk") from $jdk)"
  local started; started=$(date +%s)
  (
    cd "$ES_RUN_DIR/logs"
    unset JAVA_HOME
    export ES_JAVA_HOME="$jdk" ES_PATH_CONF="$ES_RUN_DIR/config" ES_TMPDIR="$ES_RUN_DIR/tmp"
    export ES_JAVA_OPTS="-Xms512m -Xmx512m ${ES_JAVA_OPTS:-}"
    as_es_user "$ES_RUN_DIR/home/bin/elasticsearch" -d -p "$PID_FILE" \
      -Ecluster.name=exchange-test -Enode.name=exchange-test \
      -Enetwork.host=127.0.0.1 -Ehttp.port="$ES_PORT" -Etransport.port="$((ES_PORT + 100))" \
      -Ediscovery.type=single-node \
      -Expack.security.enabled=false \
      -Ecluster.routing.allocation.disk.threshold_enabled=false \
      -Eaction.destructive_requires_name=false \
      -Epath.data="$ES_RUN_DIR/data" -Epath.logs="$ES_RUN_DIR/logs"
  ) >"$ES_RUN_DIR/logs/console.log" 2>&1 </dev/null &
  local launcher=$! waited=0
  while :; do
    if health | grep -Eq '"status":"(green|yellow)"'; then break; fi
    if ! kill -0 "$launcher" 2>/dev/null && ! running_pid >/dev/null; then
      echo >&2
      log "Elasticsearch exited during start-up"
      log_tail; stop_node; exit 1
    fi
    if [ "$waited" -ge "$ES_START_TIMEOUT" ]; then
      echo >&2
      log "no green or yellow health after ${ES_START_TIMEOUT}s"
      log_tail; stop_node; exit 1
    fi
    printf . >&2
    sleep 1
    waited=$((waited + 1))
  done
  wait "$launcher" 2>/dev/null || true
  echo >&2
  log "up after $(($(date +%s) - started))s, pid $(running_pid || echo '?'), data in $ES_RUN_DIR"
  echo "$ES_URL"
}

# Stops the node this script started (by the pid file, else by its own run folder on the command
# line) and deletes the run folder.
stop_node() {
  local pids=() alive=() p _
  if p=$(running_pid); then
    pids=("$p")
  elif [ -d "$ES_RUN_DIR/home" ]; then
    mapfile -t pids < <(pgrep -f -- "-Des.path.home=$ES_RUN_DIR/home" || true)
  fi
  if [ ${#pids[@]} -gt 0 ]; then
    log "stopping pid ${pids[*]}..."
    kill "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 1 30); do
      alive=()
      for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive+=("$p"); done
      [ ${#alive[@]} -eq 0 ] && break
      sleep 1
    done
    if [ ${#alive[@]} -gt 0 ]; then
      log "still alive after 30s, killing ${alive[*]}"
      kill -9 "${alive[@]}" 2>/dev/null || true
      sleep 1
    fi
  fi
  rm -rf "$ES_RUN_DIR"
}

status() {
  local pid h
  if pid=$(running_pid) && h=$(health); then
    log "running, pid $pid, $h"
    echo "$ES_URL"
  else
    log "not running on $ES_URL"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop_node ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
