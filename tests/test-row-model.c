/* test-row-model.c: rows that stay while the items under them change
 */
#include "config.h"

#include <gtk/gtk.h>

#include "sb-row-model.h"
#include "sb-row.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint emissions;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->emissions++;
}

static GListStore *
new_store (const char * const *strings)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  for (guint i = 0; strings[i] != NULL; i++)
    {
      g_autoptr(GtkStringObject) string = gtk_string_object_new (strings[i]);

      g_list_store_append (store, string);
    }

  return store;
}

static const char *
row_text (GListModel *rows,
          guint       position)
{
  g_autoptr(SbRow) row = g_list_model_get_item (rows, position);

  return gtk_string_object_get_string (sb_row_get_item (row));
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_rows_stay (void)
{
  static const char * const strings[] = { "a", "b", "c", NULL };
  g_autoptr(GListStore) store = new_store (strings);
  g_autoptr(SbRowModel) model = sb_row_model_new (G_LIST_MODEL (store));
  GListModel *rows = G_LIST_MODEL (model);
  g_autoptr(SbRow) first = NULL;
  g_autoptr(SbRow) again = NULL;
  Changes changes = { 0 };
  guint notified = 0;

  g_assert_true (g_list_model_get_item_type (rows) == SB_TYPE_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_null (g_list_model_get_item (rows, 3));
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (row_text (rows, 1), ==, "b");
  g_signal_connect_swapped (first, "notify::item", G_CALLBACK (g_atomic_int_inc), &notified);
  g_signal_connect (rows, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* The first item goes: the rows stay and take the items that moved up;
   * only the last row goes. */
  g_list_store_remove (store, 0);
  spin ();
  again = g_list_model_get_item (rows, 0);
  g_assert_true (again == first);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (row_text (rows, 0), ==, "b");
  g_assert_cmpstr (row_text (rows, 1), ==, "c");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);

  /* An item replaced in place changes its row, and the number stays. */
  {
    g_autoptr(GtkStringObject) d = gtk_string_object_new ("d");

    g_list_store_splice (store, 1, 1, (gpointer *) &d, 1);
  }
  spin ();
  g_assert_cmpstr (row_text (rows, 1), ==, "d");
  g_assert_cmpuint (changes.emissions, ==, 1);

  /* More items: rows are added at the end. */
  {
    g_autoptr(GtkStringObject) e = gtk_string_object_new ("e");

    g_list_store_insert (store, 0, e);
  }
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpuint (changes.emissions, ==, 2);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpstr (row_text (rows, 0), ==, "e");
  g_assert_cmpstr (row_text (rows, 1), ==, "b");
  g_assert_cmpstr (row_text (rows, 2), ==, "d");

  /* Emptied, without :hold-when-empty: no rows. */
  g_list_store_remove_all (store);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 3);
}

static void
test_hold_when_empty (void)
{
  static const char * const strings[] = { "a", "b", "c", NULL };
  static const char * const others[] = { "x", "y", NULL };
  g_autoptr(GListStore) store = new_store (strings);
  g_autoptr(GListStore) other_store = new_store (others);
  g_autoptr(SbRowModel) model = g_object_new (SB_TYPE_ROW_MODEL, "hold-when-empty", TRUE,
                                              "model", store, NULL);
  GListModel *rows = G_LIST_MODEL (model);
  Changes changes = { 0 };

  g_assert_cmpstr (row_text (rows, 2), ==, "c");
  g_signal_connect (rows, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* Emptied: the rows stay as they were. */
  g_list_store_remove_all (store);
  g_assert_cmpuint (changes.emissions, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpstr (row_text (rows, 2), ==, "c");

  /* Filled again: every row takes its new item, the last one goes. */
  {
    g_autoptr(GObject) x = g_list_model_get_item (G_LIST_MODEL (other_store), 0);
    g_autoptr(GObject) y = g_list_model_get_item (G_LIST_MODEL (other_store), 1);
    gpointer items[] = { x, y };

    g_list_store_splice (store, 0, 0, items, 2);
  }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpstr (row_text (rows, 0), ==, "x");
  g_assert_cmpstr (row_text (rows, 1), ==, "y");
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 1);
}

static void
test_rows_on_screen_first (void)
{
  static const char * const strings[] = { "a", "b", "c", "d", NULL };
  g_autoptr(GListStore) store = new_store (strings);
  g_autoptr(SbRowModel) model = sb_row_model_new (G_LIST_MODEL (store));
  GListModel *rows = G_LIST_MODEL (model);
  g_autoptr(SbRow) first = g_list_model_get_item (rows, 0);
  g_autoptr(SbRow) third = g_list_model_get_item (rows, 2);

  /* Only the first two rows are on screen. */
  sb_row_model_set_visible_range (model, 0, 2);
  g_list_store_remove (store, 0);

  g_assert_cmpstr (gtk_string_object_get_string (sb_row_get_item (first)), ==, "b");
  g_assert_cmpstr (gtk_string_object_get_string (sb_row_get_item (third)), ==, "c");

  /* A row asked for is up to date, and the others are after the frame. */
  g_assert_cmpstr (row_text (rows, 1), ==, "c");
  spin ();
  g_assert_cmpstr (gtk_string_object_get_string (sb_row_get_item (third)), ==, "d");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-model/rows-stay", test_rows_stay);
  g_test_add_func ("/row-model/hold-when-empty", test_hold_when_empty);
  g_test_add_func ("/row-model/rows-on-screen-first", test_rows_on_screen_first);

  return g_test_run ();
}
