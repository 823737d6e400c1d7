func.func @access_attr() attributes {a = #dist.access<[0] steps [1, 1] dims [0]>} {
  return
}
