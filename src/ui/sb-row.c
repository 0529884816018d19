/* sb-row.c: one row of a list widget, showing whichever item is at its
 * position
 *
 * See sb-row-model.c: the row stays while the item under it changes, and
 * says so with notify::item.
 */
#define G_LOG_DOMAIN "sb-row"

#include "config.h"

#include "sb-row.h"

struct _SbRow
{
  GObject   parent_instance;

  GObject  *item;
};

G_DEFINE_FINAL_TYPE (SbRow, sb_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sb_row_dispose (GObject *object)
{
  SbRow *self = (SbRow *)object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (sb_row_parent_class)->dispose (object);
}

static void
sb_row_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  SbRow *self = SB_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_row_class_init (SbRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sb_row_dispose;
  object_class->get_property = sb_row_get_property;

  /**
   * SbRow:item:
   *
   * The item at the row's position.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_row_init (SbRow *self)
{
}

/**
 * sb_row_new:
 * @item: (type GObject): the item at the row's position
 */
SbRow *
sb_row_new (gpointer item)
{
  SbRow *self = g_object_new (SB_TYPE_ROW, NULL);

  self->item = g_object_ref (item);

  return self;
}

/**
 * sb_row_get_item:
 *
 * Returns: (transfer none) (type GObject): the item at the row's position
 */
gpointer
sb_row_get_item (SbRow *self)
{
  g_return_val_if_fail (SB_IS_ROW (self), NULL);

  return self->item;
}

void
sb_row_set_item (SbRow    *self,
                 gpointer  item)
{
  g_return_if_fail (SB_IS_ROW (self));
  g_return_if_fail (G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
