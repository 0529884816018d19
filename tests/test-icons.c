/* test-icons.c: every icon the app shows is there, whatever the theme
 *
 * The app's own symbolic icons come from its GResource; every other icon
 * name the sources use must be in Adwaita as Debian 12 ships it (43), which
 * GTK falls back to under any other theme.
 */
#include "config.h"

#include <glib/gstdio.h>

#include <gtk/gtk.h>

#include "sb-programme.h"
#include "sb-statistics.h"

#define ICONS_PATH "/org/shanxi/StdBase/icons"
#define ACTIONS_PATH ICONS_PATH "/scalable/actions"

static GtkIconTheme *
get_theme (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  gtk_icon_theme_add_resource_path (theme, ICONS_PATH);
  return theme;
}

/* Every SVG in data/icons is listed in data/meson.build, so it is in the
 * resource. */
static void
assert_all_sources_compiled (char **names)
{
  g_autofree char *source = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "icons",
                                              "scalable", "actions", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (source, 0, &error);
  const char *file_name;

  g_assert_no_error (error);
  while ((file_name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("source %s", file_name);
      g_assert_true (g_strv_contains ((const char * const *) names, file_name));
    }
}

static void
test_own_icons_load (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (ACTIONS_PATH, 0, &error);
  GtkIconTheme *theme = get_theme ();

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), >=, 8);
  assert_all_sources_compiled (names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", ACTIONS_PATH, names[i], NULL);
      g_autofree char *name = g_strndup (names[i], strlen (names[i]) - strlen (".svg"));
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GtkIconPaintable) icon = NULL;

      g_test_message ("%s", names[i]);
      g_assert_true (g_str_has_suffix (names[i], "-symbolic.svg"));

      texture = gdk_texture_new_from_resource (path);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, 16);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, 16);

      g_assert_true (gtk_icon_theme_has_icon (theme, name));
      icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
      g_assert_true (gtk_icon_paintable_is_symbolic (icon));

      /* At the size the widgets use, GTK takes the encoded PNG, not the SVG. */
      for (int scale = 1; scale <= 2; scale++)
        {
          g_autoptr(GtkIconPaintable) encoded = NULL;
          g_autoptr(GFile) file = NULL;
          g_autofree char *uri = NULL;
          g_autofree char *expected = g_strdup_printf ("/icons/16x16%s/actions/%s.symbolic.png",
                                                       scale == 2 ? "@2" : "", name);

          encoded = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, scale, GTK_TEXT_DIR_LTR, 0);
          file = gtk_icon_paintable_get_file (encoded);
          uri = g_file_get_uri (file);
          g_test_message ("  scale %d: %s", scale, uri);
          g_assert_true (g_str_has_suffix (uri, expected));
          g_assert_true (gtk_icon_paintable_is_symbolic (encoded));
        }
    }
}

static void
collect_names (GHashTable *names,
               const char *dir_path,
               const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("[\">]([a-z0-9-]+-symbolic)[\"<]", 0, 0, NULL);
  const char *file_name;

  g_assert_nonnull (dir);
  while ((file_name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, file_name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (file_name, suffix))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        g_hash_table_add (names, g_match_info_fetch (match, 1));
    }
}

static void
test_used_icons_exist (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *ui_dir = g_build_filename (srcdir, "..", "data", "ui", NULL);
  g_autofree char *src_dir = g_build_filename (srcdir, "..", "src", "ui", NULL);
  GtkIconTheme *theme = get_theme ();
  g_autofree char *theme_name = NULL;
  GHashTableIter iter;
  const char *name;
  guint missing = 0;

  /* Adwaita, as GTK uses when no other theme is set. */
  g_object_get (gtk_settings_get_default (), "gtk-icon-theme-name", &theme_name, NULL);
  g_assert_cmpstr (theme_name, ==, "Adwaita");

  collect_names (names, ui_dir, ".ui");
  collect_names (names, src_dir, ".c");
  g_assert_cmpuint (g_hash_table_size (names), >, 5);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_test_message ("%s", name);
      if (!gtk_icon_theme_has_icon (theme, name))
        {
          g_printerr ("No icon named %s, neither in the resource nor in Adwaita\n", name);
          missing++;
        }
    }
  g_assert_cmpuint (missing, ==, 0);
}

/* Each domain a new programme starts with (Art. 3) has its own icon. */
static void
test_domain_icons (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stdbase-test-icons-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GArray) domains = NULL;
  GtkIconTheme *theme = get_theme ();

  g_assert_no_error (error);
  path = g_build_filename (dir, "programme.db", NULL);
  programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  domains = sb_statistics_list_domains (sb_programme_get_database (programme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (domains->len, ==, 12);

  for (guint i = 0; i < domains->len; i++)
    {
      const SbReference *domain = &g_array_index (domains, SbReference, i);
      g_autofree char *name = g_strdup_printf ("domain-%s-symbolic", domain->code);

      g_test_message ("%s", name);
      g_assert_true (gtk_icon_theme_has_icon (theme, name));
    }
  g_assert_true (gtk_icon_theme_has_icon (theme, "domain-other-symbolic"));

  g_clear_object (&programme);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the UI tests under Xvfb (build-aux/dev test does)\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/icons/own-icons-load", test_own_icons_load);
  g_test_add_func ("/icons/used-icons-exist", test_used_icons_exist);
  g_test_add_func ("/icons/domain-icons", test_domain_icons);

  return g_test_run ();
}
