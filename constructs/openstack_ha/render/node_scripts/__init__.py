"""Programs copied verbatim onto the nodes (Python 3.9+, standard library only).

They live here as modules so that the tests import and exercise exactly the
code the nodes run; :func:`openstack_ha.render.scripts.node_script` reads a
file's text for write_files.
"""
