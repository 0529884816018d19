/* sb-paths.c: where the installed or uninstalled program finds its files
 *
 * Three cases, decided once from where the running program lives:
 *
 *  - in the build tree (the tests, build-aux/dev run, the benchmarks): the
 *    data in the source tree and the catalogs the build compiled;
 *  - in BINDIR under some prefix: that prefix's data and locale directories,
 *    so an installation moved elsewhere, or staged with `meson install
 *    --destdir`, still finds its own files;
 *  - otherwise the directories compiled in for the configured prefix.
 *
 * $STDBASE_DATA_DIR and $STDBASE_LOCALEDIR override all three.  Only the
 * first case ever looks into the source tree, so an installed program never
 * reads files from wherever it happened to be built.
 */
#define G_LOG_DOMAIN "sb-paths"

#include "config.h"

#include <string.h>

#include "sb-paths.h"

typedef struct
{
  char *data_dir;
  char *locale_dir;
} Paths;

static gboolean
path_is_under (const char *path,
               const char *dir)
{
  gsize len = strlen (dir);

  return strncmp (path, dir, len) == 0 && (path[len] == G_DIR_SEPARATOR || path[len] == '\0');
}

static char *
find_executable (void)
{
  g_autofree char *link = g_file_read_link ("/proc/self/exe", NULL);

  if (link == NULL || !g_path_is_absolute (link))
    return NULL;

  return g_canonicalize_filename (link, NULL);
}

static Paths *
find_paths (void)
{
  Paths *paths = g_new0 (Paths, 1);
  g_autofree char *executable = find_executable ();
  g_autofree char *build_root = g_canonicalize_filename (BUILD_ROOT, NULL);

  if (executable != NULL && path_is_under (executable, build_root))
    {
      paths->data_dir = g_strdup (SOURCE_DATADIR);
      paths->locale_dir = g_build_filename (build_root, "po", NULL);
    }
  else if (executable != NULL
           && !g_path_is_absolute (BINDIR_FROM_PREFIX)
           && !g_path_is_absolute (PKGDATADIR_FROM_PREFIX)
           && !g_path_is_absolute (LOCALEDIR_FROM_PREFIX))
    {
      g_autofree char *bindir = g_path_get_dirname (executable);
      g_autofree char *prefix = NULL;
      g_autofree char *installed_bindir = NULL;

      /* bindir is one or more levels below the prefix (usually "bin"). */
      prefix = g_strdup (bindir);
      for (const char *p = BINDIR_FROM_PREFIX; p != NULL && *p != '\0'; p = strchr (p + 1, G_DIR_SEPARATOR))
        {
          char *parent = g_path_get_dirname (prefix);

          g_free (prefix);
          prefix = parent;
        }
      installed_bindir = g_build_filename (prefix, BINDIR_FROM_PREFIX, NULL);

      if (g_str_equal (installed_bindir, bindir))
        {
          g_autofree char *data_dir = g_build_filename (prefix, PKGDATADIR_FROM_PREFIX, NULL);

          if (g_file_test (data_dir, G_FILE_TEST_IS_DIR))
            {
              paths->data_dir = g_steal_pointer (&data_dir);
              paths->locale_dir = g_build_filename (prefix, LOCALEDIR_FROM_PREFIX, NULL);
            }
        }
    }

  if (paths->data_dir == NULL)
    {
      paths->data_dir = g_strdup (PKGDATADIR);
      paths->locale_dir = g_strdup (LOCALEDIR);
    }

  return paths;
}

static const Paths *
get_paths (void)
{
  static Paths *paths;

  if (g_once_init_enter (&paths))
    g_once_init_leave (&paths, find_paths ());

  return paths;
}

/**
 * sb_paths_get_data_dir:
 *
 * The directory that holds the shipped data (calendar/…): $STDBASE_DATA_DIR
 * when it is set, else the one that goes with where the program runs from.
 *
 * Returns: (transfer none): a directory name
 */
const char *
sb_paths_get_data_dir (void)
{
  const char *env = g_getenv ("STDBASE_DATA_DIR");

  if (env != NULL && *env != '\0')
    return env;

  return get_paths ()->data_dir;
}

/**
 * sb_paths_get_locale_dir:
 *
 * The directory to bind the message catalogs from: $STDBASE_LOCALEDIR when
 * it is set, else the one that goes with where the program runs from.
 *
 * Returns: (transfer none): a directory name
 */
const char *
sb_paths_get_locale_dir (void)
{
  const char *env = g_getenv ("STDBASE_LOCALEDIR");

  if (env != NULL && *env != '\0')
    return env;

  return get_paths ()->locale_dir;
}
